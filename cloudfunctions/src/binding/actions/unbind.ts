import { AppError, type Binding, type bindingApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { toBindingView } from '../binding-view';
import { BINDING_SLOTS, bindingSlotId } from '../binding-slot';

/** The account itself, or admin / service staff of the estate, may end a binding; history stays. */
export const unbind: Handler<typeof bindingApi.unbind> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const binding = await ctx.db.bindings.get(input.bindingId);
  const isSelf = binding?.accountId === identity.accountId;
  const isStaff =
    !!binding &&
    identity.roles.some((r) => r === 'admin' || r === 'service') &&
    identity.staffEstateIds.includes(binding.estateId);
  if (!binding || (!isSelf && !isStaff)) throw new AppError('FORBIDDEN', '您无权解除该绑定');

  const ended = await ctx.store.transaction(async (tx) => {
    const current = await tx.collection<Binding>('bindings').get(binding._id);
    if (!current || (current.status !== 'approved' && current.status !== 'pending')) {
      throw new AppError('PRECONDITION_FAILED', '该绑定已解除或未生效');
    }
    const update = {
      status: 'revoked',
      decidedAt: ctx.now(),
      decidedBy: identity.accountId,
      reason: input.reason ?? (isSelf ? '本人解绑' : '物业解绑'),
    } as const;
    await tx.collection<Binding>('bindings').update(binding._id, { set: update });
    await tx.collection(BINDING_SLOTS).remove(bindingSlotId(binding.accountId, binding.householdId));
    return { ...current, ...update };
  });
  return toBindingView(ctx.db, ended);
};
