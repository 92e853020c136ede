import { AppError, type bindingApi, type Invitation, type InvitationView } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { FAMILY_INVITATION_TTL_MS, newInvitationCode, OWNER_INVITATION_TTL_MS } from '../invitation-code';

async function issue(
  ctx: ActionContext,
  fields: Omit<Invitation, '_id' | 'createdAt' | 'usedBy' | 'usedAt'>,
  roomCode: string,
): Promise<InvitationView> {
  // Codes are random; a collision is astronomically rare but would be a DUPLICATE, so retry once.
  for (let attempt = 0; ; attempt++) {
    const invitation: Invitation = {
      ...fields,
      _id: newInvitationCode(),
      createdAt: ctx.now(),
      usedBy: null,
      usedAt: null,
    };
    try {
      await ctx.db.invitations.insert(invitation);
      return {
        code: invitation._id,
        householdId: invitation.householdId,
        roomCode,
        relation: invitation.relation,
        expiresAt: invitation.expiresAt,
      };
    } catch (error) {
      if ((error as { code?: string }).code !== 'DUPLICATE' || attempt > 0) throw error;
    }
  }
}

export const inviteFamily: Handler<typeof bindingApi.inviteFamily> = async (input, ctx) => {
  const identity = identityOf(ctx);
  if (!identity.householdIds.includes(input.householdId))
    throw new AppError('FORBIDDEN', '只能邀请家人绑定您自己的房屋');
  const household = await ctx.db.households.get(input.householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
  return issue(
    ctx,
    {
      estateId: household.estateId,
      householdId: household._id,
      relation: input.relation,
      issuedBy: identity.accountId,
      expiresAt: ctx.now() + FAMILY_INVITATION_TTL_MS,
    },
    household.roomCode,
  );
};

export const issueInvitations: Handler<typeof bindingApi.issueInvitations> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const households = await Promise.all(input.householdIds.map((id) => ctx.db.households.get(id)));
  // Check every household first, so a bad id issues nothing at all.
  for (const household of households) {
    if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
    assertServesEstate(identity, household.estateId);
  }
  const invitations: InvitationView[] = [];
  for (const household of households) {
    invitations.push(
      await issue(
        ctx,
        {
          estateId: household!.estateId,
          householdId: household!._id,
          relation: 'owner',
          issuedBy: identity.accountId,
          expiresAt: ctx.now() + OWNER_INVITATION_TTL_MS,
        },
        household!.roomCode,
      ),
    );
  }
  return { invitations };
};
