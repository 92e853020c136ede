import { AppError, newId, type Account, type staffApi, type StaffMember } from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { newInvitationCode } from '../../binding/invitation-code';
import { accountStaffFields, toStaffView } from '../staff-view';

/** An admin manages only staff whose estates are all estates the admin serves. */
function assertManages(ctx: ActionContext, estateIds: string[]): void {
  const served = identityOf(ctx).staffEstateIds;
  if (!estateIds.every((id) => served.includes(id)))
    throw new AppError('FORBIDDEN', '只能管理您负责的小区的员工');
}

/** Write the staff record and, when a WeChat account is linked, the roles it signs in with. */
async function persist(ctx: ActionContext, member: StaffMember): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    await tx.collection<StaffMember>('staff').set(member);
    if (member.accountId)
      await tx
        .collection<Account>('accounts')
        .update(member.accountId, { set: { staff: accountStaffFields(member) } });
  });
}

export const list: Handler<typeof staffApi.list> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const estateId = input.estateId ?? identity.staffEstateIds[0];
  if (!estateId || !identity.staffEstateIds.includes(estateId))
    throw new AppError('FORBIDDEN', '您不负责该小区');
  const all = await findAll(ctx.db.staff, {}, { sort: [['name', 'asc']] });
  return {
    staff: all.filter((m) => m.estateIds.includes(estateId)).map((m) => toStaffView(m, identity.accountId)),
  };
};

export const save: Handler<typeof staffApi.save> = async (input, ctx) => {
  assertManages(ctx, input.estateIds);
  const existing = input.staffId ? await ctx.db.staff.get(input.staffId) : null;
  if (input.staffId && !existing) throw new AppError('NOT_FOUND', '员工不存在');
  if (existing) assertManages(ctx, existing.estateIds);
  const { staffId: _staffId, phone, ...fields } = input;
  if (!existing && !phone) throw new AppError('VALIDATION', '请填写新员工的手机号');
  const member: StaffMember = existing
    ? { ...existing, ...fields, phone: phone ?? existing.phone, updatedAt: ctx.now() }
    : {
        _id: newId('staff'),
        ...fields,
        phone: phone ?? '',
        accountId: null,
        inviteCode: newInvitationCode(),
        active: true,
        updatedAt: ctx.now(),
      };
  await persist(ctx, member);
  return toStaffView(member, identityOf(ctx).accountId);
};

export const join: Handler<typeof staffApi.join> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const invited = (
    await ctx.db.staff.find(
      { where: { inviteCode: input.code, accountId: null, active: true } },
      { limit: 1 },
    )
  ).items[0];
  if (!invited) throw new AppError('VERIFICATION_FAILED', '加入码无效或已使用');
  const member: StaffMember = {
    ...invited,
    accountId: identity.accountId,
    inviteCode: null,
    updatedAt: ctx.now(),
  };
  await ctx.store.transaction(async (tx) => {
    const fresh = await tx.collection<StaffMember>('staff').get(invited._id);
    if (!fresh || fresh.accountId) throw new AppError('VERIFICATION_FAILED', '加入码无效或已使用');
    await tx.collection<StaffMember>('staff').set(member);
    await tx
      .collection<Account>('accounts')
      .update(identity.accountId, { set: { staff: accountStaffFields(member), displayName: member.name } });
  });
  return toStaffView(member, identity.accountId);
};

export const deactivate: Handler<typeof staffApi.deactivate> = async (input, ctx) => {
  const existing = await ctx.db.staff.get(input.staffId);
  if (!existing) throw new AppError('NOT_FOUND', '员工不存在');
  assertManages(ctx, existing.estateIds);
  if (existing.accountId === identityOf(ctx).accountId)
    throw new AppError('PRECONDITION_FAILED', '不能停用自己');
  const member: StaffMember = { ...existing, active: false, inviteCode: null, updatedAt: ctx.now() };
  await persist(ctx, member);
  return toStaffView(member, identityOf(ctx).accountId);
};
