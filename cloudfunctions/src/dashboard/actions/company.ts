import { companyTotals, toLocalDate, type CompanyEstateRow, type dashboardApi } from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { alarmFigures, arrearsFigures, collectionFigures, workOrderFigures } from '../figures';
import { tileFor } from './overview';

/**
 * 公司总览: one row per estate the caller serves (never another), from the same figures as each
 * estate's 工作台, and their totals. A staff member serving every estate sees the whole company.
 */
export const company: Handler<typeof dashboardApi.company> = async (_input, ctx) => {
  const identity = identityOf(ctx);
  const tile = tileFor(identity.roles);
  const now = ctx.now();
  const served = new Set(identity.staffEstateIds);
  const estates = await findAll(ctx.db.estates, {});
  const rows: CompanyEstateRow[] = await Promise.all(
    estates
      .filter((estate) => served.has(estate._id))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .map(async (estate) => {
        const [collection, arrears, workOrders, alarms] = await Promise.all([
          tile('collection', () => collectionFigures(ctx, estate._id)),
          tile('arrears', () => arrearsFigures(ctx, estate._id)),
          tile('workOrders', () => workOrderFigures(ctx, estate._id)),
          tile('alarms', () => alarmFigures(ctx, estate._id)),
        ]);
        return {
          estateId: estate._id,
          estateName: estate.name,
          collection: collection && {
            period: collection.period,
            receivableFen: collection.receivableFen,
            paidFen: collection.paidFen,
            rateByAmount: collection.rateByAmount,
          },
          arrears: arrears && { outstandingFen: arrears.outstandingFen, households: arrears.households },
          openOrders: workOrders?.open ?? null,
          activeAlarms: alarms?.active ?? null,
        };
      }),
  );
  return {
    companyWide: estates.length > 0 && estates.every((estate) => served.has(estate._id)),
    asOf: toLocalDate(now),
    generatedAt: now,
    totals: companyTotals(rows),
    estates: rows,
  };
};
