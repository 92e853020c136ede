import { AppError, type billingApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { actorOf, servedEstateId } from '../access';
import { advanceRun } from '../run/advance-run';
import { assertBillablePeriod } from '../run/billable-period';
import { toRunView } from '../views';

/**
 * One chunk of the estate's bill run per call (bounded, so it fits a function's time limit).
 * The caller repeats until `done`; a call interrupted anywhere is completed by the next one.
 */
export const commitRun: Handler<(typeof billingApi)['run.commit']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  if (!(await ctx.db.estates.get(estateId))) throw new AppError('NOT_FOUND', '小区不存在');
  assertBillablePeriod(input.period, ctx.now());
  const result = await advanceRun(
    { store: ctx.store, db: ctx.db, now: ctx.now },
    { estateId, period: input.period, chunkSize: input.chunkSize, actor: actorOf(ctx), rescan: input.rescan },
  );
  ctx.log.log('info', 'billing.run.chunk', {
    runId: result.run._id,
    ...result.chunk,
    done: result.done,
  });
  return { run: toRunView(result.run), chunk: result.chunk, done: result.done };
};
