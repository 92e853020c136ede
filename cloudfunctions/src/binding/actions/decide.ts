import {
  AppError,
  type Account,
  type Binding,
  type bindingApi,
  type BindingView,
  type Person,
} from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';
import { enqueue } from '../../messaging';
import { toBindingView } from '../binding-view';
import { BINDING_SLOTS, bindingSlotId } from '../binding-slot';

export const decide: Handler<typeof bindingApi.decide> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const binding = await ctx.db.bindings.get(input.bindingId);
  if (!binding) throw new AppError('NOT_FOUND', '绑定申请不存在');
  assertServesEstate(identity, binding.estateId);
  if (input.decision === 'reject' && !input.reason)
    throw new AppError('VALIDATION', '驳回时请填写原因，业主会看到');

  const decided = await ctx.store.transaction(async (tx) => {
    const bindings = tx.collection<Binding>('bindings');
    const current = await bindings.get(binding._id);
    // Re-read inside the transaction: two staff deciding at once get one winner.
    if (!current || current.status !== 'pending') throw new AppError('PRECONDITION_FAILED', '该申请已被处理');
    const status = input.decision === 'approve' ? 'approved' : 'rejected';
    const update = {
      status,
      decidedAt: ctx.now(),
      decidedBy: identity.accountId,
      reason: input.reason ?? null,
    } as const;
    await bindings.update(binding._id, { set: update });
    if (status === 'rejected')
      await tx.collection(BINDING_SLOTS).remove(bindingSlotId(binding.accountId, binding.householdId));
    if (status === 'approved' && current.personId) {
      // The account now speaks for the registered person: show their name, link their record.
      const account = await tx.collection<Account>('accounts').get(current.accountId);
      const person = await tx.collection<Person>('persons').get(current.personId);
      if (account && person && !account.personId) {
        await tx
          .collection<Account>('accounts')
          .update(account._id, { set: { personId: person._id, displayName: person.name } });
      }
    }
    return { ...current, ...update };
  });
  const view = await toBindingView(ctx.db, decided);
  await notifyApplicant(ctx, decided, view);
  return view;
};

/** Tell the applicant (审核结果通知). The decision stands even if the message cannot be queued. */
async function notifyApplicant(ctx: ActionContext, binding: Binding, view: BindingView): Promise<void> {
  try {
    await enqueue(
      ctx.store,
      {
        kind: 'binding_decided',
        eventKey: binding._id,
        toAccountId: binding.accountId,
        estateId: binding.estateId,
        householdId: binding.householdId,
        fields: {
          house: `${view.estateName} ${view.roomCode}`,
          approved: binding.status === 'approved',
          reason: binding.reason,
          at: binding.decidedAt ?? ctx.now(),
        },
        page: 'pages/mine/index',
      },
      { now: ctx.now() },
    );
  } catch (error) {
    ctx.log.log('error', 'binding.notify.failed', { bindingId: binding._id, error });
  }
}
