import {
  AppError,
  BINDING_ATTEMPT_LIMIT,
  canAttemptBinding,
  matchesRegisteredPerson,
  newId,
  normalizeRoomCode,
  type Binding,
  type bindingApi,
  type Identity,
  type Invitation,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { toBindingView } from '../binding-view';
import { BINDING_SLOTS, bindingSlotId, type BindingSlot } from '../binding-slot';

const CHECK_FAILED = '核验未通过：房号、姓名或手机号后四位与物业登记信息不一致';

/** Refuse early when this account has failed too often; every failure is recorded. */
async function assertNotLockedOut(ctx: ActionContext, identity: Identity): Promise<number[]> {
  const since = ctx.now() - BINDING_ATTEMPT_LIMIT.windowMs;
  const recent = await ctx.db.bindingAttempts.find(
    { where: { accountId: identity.accountId, at: { gte: since } } },
    { limit: 50 },
  );
  const times = recent.items.map((a) => a.at);
  if (!canAttemptBinding(times, ctx.now())) {
    throw new AppError('RATE_LIMITED', '核验失败次数过多，请 1 小时后再试，或联系物业服务中心');
  }
  return times;
}

async function recordFailure(
  ctx: ActionContext,
  identity: Identity,
  failures: number[],
  message: string,
): Promise<never> {
  await ctx.db.bindingAttempts.insert({ _id: newId('batt'), accountId: identity.accountId, at: ctx.now() });
  const left = BINDING_ATTEMPT_LIMIT.attempts - failures.length - 1;
  throw new AppError(
    'VERIFICATION_FAILED',
    left > 0 ? `${message}（还可尝试 ${left} 次）` : `${message}。尝试次数已用完，请 1 小时后再试`,
  );
}

/** Create the binding and take its slot atomically; a second live claim is a DUPLICATE. */
async function createBinding(ctx: ActionContext, binding: Binding, invitation?: Invitation): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    const slots = tx.collection<BindingSlot>(BINDING_SLOTS);
    const slotId = bindingSlotId(binding.accountId, binding.householdId);
    if (await slots.get(slotId)) throw new AppError('DUPLICATE', '您已申请或已绑定该房屋，请勿重复提交');
    if (invitation) {
      const fresh = await tx.collection<Invitation>('invitations').get(invitation._id);
      if (!fresh || fresh.usedBy) throw new AppError('VERIFICATION_FAILED', '邀请码已被使用');
      await tx
        .collection<Invitation>('invitations')
        .update(invitation._id, { set: { usedBy: binding.accountId, usedAt: ctx.now() } });
    }
    await slots.insert({ _id: slotId, bindingId: binding._id });
    await tx.collection<Binding>('bindings').insert(binding);
  });
}

export const claim: Handler<typeof bindingApi.claim> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const failures = await assertNotLockedOut(ctx, identity);
  const base = {
    _id: newId('bind'),
    accountId: identity.accountId,
    createdAt: ctx.now(),
    decidedBy: null,
    reason: null,
  };

  if ('invitationCode' in input) {
    const invitation = await ctx.db.invitations.get(input.invitationCode.toUpperCase());
    if (!invitation || invitation.usedBy || invitation.expiresAt < ctx.now()) {
      return recordFailure(ctx, identity, failures, '邀请码无效、已使用或已过期');
    }
    // The invitation itself is the proof the property company (or the owner) gave: no review.
    const binding: Binding = {
      ...base,
      householdId: invitation.householdId,
      estateId: invitation.estateId,
      relation: invitation.relation,
      status: 'approved',
      method: 'invitation',
      personId: null,
      decidedAt: ctx.now(),
    };
    await createBinding(ctx, binding, invitation);
    return toBindingView(ctx.db, binding);
  }

  const roomCode = normalizeRoomCode(input.roomCode);
  if (!roomCode) throw new AppError('VALIDATION', '房号格式不正确，例如 3-2-1201');
  const household = (
    await ctx.db.households.find({ where: { estateId: input.estateId, roomCode } }, { limit: 1 })
  ).items[0];
  // A room that does not exist fails like a wrong name, so the check cannot be used to probe rooms.
  if (!household) return recordFailure(ctx, identity, failures, CHECK_FAILED);
  const memberships = await findAll(ctx.db.memberships, {
    where: { householdId: household._id, movedOutOn: null },
  });
  const people = await Promise.all(memberships.map((m) => ctx.db.persons.get(m.personId)));
  const registered = people.filter((p) => p !== null);
  if (!matchesRegisteredPerson(input, registered))
    return recordFailure(ctx, identity, failures, CHECK_FAILED);
  const person = registered.find((p) => matchesRegisteredPerson(input, [p]))!;

  const binding: Binding = {
    ...base,
    householdId: household._id,
    estateId: household.estateId,
    relation: input.relation,
    status: 'pending',
    method: 'phone-check',
    personId: person._id,
    decidedAt: null,
  };
  await createBinding(ctx, binding);
  return toBindingView(ctx.db, binding);
};
