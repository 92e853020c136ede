import {
  AppError,
  OPEN_STATES,
  startOfLocalDate,
  workOrderCategoryLabels,
  workOrderStats,
  type workorderApi,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { deskEstate } from '../access';
import { workorderCollections } from '../documents';

/** A year is enough for a report; longer ranges belong in an export. */
const MAX_DAYS = 366;

const STATS_FIELDS = [
  'orderNo',
  'category',
  'state',
  'priority',
  'createdAt',
  'respondedAt',
  'completedAt',
  'sla',
  'assigneeId',
  'assigneeName',
  'acceptance',
  'completion',
  'locationKey',
  'locationLabel',
];

/** 报修统计 over the orders reported between two Shanghai dates (inclusive), plus today's backlog. */
export const stats: Handler<(typeof workorderApi)['stats']> = async (input, ctx) => {
  const estateId = deskEstate(identityOf(ctx), input.estateId);
  if (input.from > input.to) throw new AppError('VALIDATION', '开始日期不能晚于结束日期');
  const start = startOfLocalDate(input.from);
  const end = startOfLocalDate(input.to).add(1, 'day');
  if (end.diff(start, 'day') > MAX_DAYS) throw new AppError('VALIDATION', `统计区间最长 ${MAX_DAYS} 天`);
  const { workorders } = workorderCollections(ctx.store);
  const [orders, backlog] = await Promise.all([
    findAll(
      workorders,
      { where: { estateId, createdAt: { gte: start.valueOf(), lt: end.valueOf() } } },
      { fields: STATS_FIELDS },
    ),
    findAll(workorders, { where: { estateId, state: { in: [...OPEN_STATES] } } }, { fields: STATS_FIELDS }),
  ]);
  const result = workOrderStats(orders, backlog, ctx.now());
  return {
    ...result,
    estateId,
    from: input.from,
    to: input.to,
    byCategory: result.byCategory.map((c) => ({ ...c, categoryLabel: workOrderCategoryLabels[c.category] })),
    backlogByCategory: result.backlogByCategory.map((c) => ({
      ...c,
      categoryLabel: workOrderCategoryLabels[c.category],
    })),
  };
};
