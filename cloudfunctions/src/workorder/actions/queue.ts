import { AppError, ASSIGNED_STATES, compareUrgency, POOL_STATES, type workorderApi } from '@linli/shared';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { deskEstate, technicianOf, technicianRecord } from '../access';
import { workorderCollections } from '../documents';
import { toSummary } from '../views';

const FINISHED_PAGE = 50;
/** The pool is a short list by nature; a longer one is a dispatch problem for the desk. */
const POOL_LIMIT = 200;

/** 我的工单: open ones most urgent first, finished ones most recent first. */
export const queue: Handler<(typeof workorderApi)['queue']> = async (input, ctx) => {
  const technician = await technicianOf(ctx);
  const { workorders } = workorderCollections(ctx.store);
  const now = ctx.now();
  if (input.scope === 'finished') {
    const page = await workorders.find(
      { where: { assigneeId: technician._id, state: { in: ['completed', 'closed'] } } },
      { sort: [['completedAt', 'desc']], limit: FINISHED_PAGE },
    );
    return { items: page.items.map((o) => toSummary(o, now)) };
  }
  const open = await findAll(workorders, {
    where: { assigneeId: technician._id, state: { in: [...ASSIGNED_STATES] } },
  });
  return { items: open.sort(compareUrgency).map((o) => toSummary(o, now)) };
};

/** 抢单池: orders waiting for a technician; a technician sees only those they have the skill for. */
export const pool: Handler<(typeof workorderApi)['pool']> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const technician = await technicianRecord(ctx);
  // A technician sees their estates' pool through their skills; the desk sees all of one estate.
  let estateIds: string[];
  if (technician) {
    if (input.estateId && !technician.estateIds.includes(input.estateId))
      throw new AppError('FORBIDDEN', '您不负责该小区');
    estateIds = input.estateId ? [input.estateId] : technician.estateIds;
  } else estateIds = [deskEstate(identity, input.estateId)];
  const waiting = await workorderCollections(ctx.store).workorders.find(
    { where: { estateId: { in: estateIds }, state: { in: [...POOL_STATES] } } },
    { sort: [['createdAt', 'asc']], limit: POOL_LIMIT },
  );
  const now = ctx.now();
  const visible = technician
    ? waiting.items.filter(
        (o) => technician.skills.includes(o.requiredSkill) && !o.rejectedBy.includes(technician._id),
      )
    : waiting.items;
  return { items: visible.sort(compareUrgency).map((o) => toSummary(o, now)) };
};
