import { AppError, isOpenState, priorityLabels, reprioritizeOrder, type workorderApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { viewerOf } from '../access';
import { commitChange, loadOrder } from '../commit';
import { toDetail } from '../views';

/** The desk overrides the priority read from the report; deadlines of the round follow it. */
export const setPriority: Handler<(typeof workorderApi)['setPriority']> = async (input, ctx) => {
  const viewer = await viewerOf(ctx, await loadOrder(ctx, input.orderId));
  if (!viewer.desk) throw new AppError('FORBIDDEN', '您不负责该小区');
  const name = identityOf(ctx).displayName;
  const { after } = await commitChange(ctx, input.orderId, (fresh) => {
    if (!isOpenState(fresh.state)) throw new AppError('PRECONDITION_FAILED', '工单已结束，不能调整优先级');
    if (fresh.priority === input.priority)
      throw new AppError('PRECONDITION_FAILED', `工单已是“${priorityLabels[input.priority]}”`);
    return reprioritizeOrder(fresh, {
      priority: input.priority,
      at: ctx.now(),
      actor: { kind: 'staff', name },
      note: input.reason,
      label: `${name}将优先级由“${priorityLabels[fresh.priority]}”调整为“${priorityLabels[input.priority]}”`,
    });
  });
  return toDetail(ctx, after, viewer);
};
