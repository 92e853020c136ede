import { AppError, type billingApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { servedEstateId } from '../access';
import { assertBillablePeriod } from '../run/billable-period';
import { previewRun as preview } from '../run/preview-run';

/** What committing the run would create, computed the same way; nothing is written. */
export const previewRun: Handler<(typeof billingApi)['run.preview']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  if (!(await ctx.db.estates.get(estateId))) throw new AppError('NOT_FOUND', '小区不存在');
  assertBillablePeriod(input.period, ctx.now());
  return preview(ctx.db, estateId, input.period, input.after ?? null, ctx.now());
};
