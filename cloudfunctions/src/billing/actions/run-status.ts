import { billRunId, type billingApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { servedEstateId } from '../access';
import { toRunView } from '../views';

export const runStatus: Handler<(typeof billingApi)['run.status']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const run = input.period ? await ctx.db.billRuns.get(billRunId(estateId, input.period)) : null;
  const recent = await ctx.db.billRuns.find(
    { where: { estateId } },
    { sort: [['period', 'desc']], limit: 12 },
  );
  return { run: run ? toRunView(run) : null, recent: recent.items.map(toRunView) };
};
