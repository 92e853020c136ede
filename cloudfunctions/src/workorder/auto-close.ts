import {
  assertCanPerform,
  assertRepairPaid,
  isAppError,
  transitionOrder,
  type WorkOrderSettings,
} from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import { commitChange } from './commit';
import { workorderCollections } from './documents';
import { settleFix } from './knowledge';
import { syncRepairPayments } from './paid-repair';
import { settingsOf } from './settings';

type Ctx = Pick<ActionContext, 'store' | 'now' | 'log'>;

const DAY_MS = 24 * 60 * 60_000;
/** No estate may set fewer days than this, so older completions are all the job needs to read. */
const MIN_AUTO_CLOSE_DAYS = 1;
const PAGE = 200;

/**
 * 自动验收: completed orders the owner neither accepted nor reopened within the estate's
 * configured days close themselves, unrated, and their fix counts as verified — unless a confirmed
 * repair fee is still unpaid. Idempotent: an
 * order already closed (by the owner or an earlier run) fails the transition guard and is skipped.
 */
export async function autoCloseOrders(ctx: Ctx, deadline: number): Promise<{ closed: number }> {
  const now = ctx.now();
  const { workorders } = workorderCollections(ctx.store);
  const settings = new Map<string, WorkOrderSettings>();
  let closed = 0;
  let after: string | undefined;
  do {
    const page = await workorders.find(
      { where: { state: 'completed', completedAt: { lte: now - MIN_AUTO_CLOSE_DAYS * DAY_MS } } },
      { sort: [['completedAt', 'asc']], limit: PAGE, after, fields: ['estateId', 'completedAt'] },
    );
    for (const candidate of page.items) {
      let estate = settings.get(candidate.estateId);
      if (!estate) {
        estate = await settingsOf(ctx.store, candidate.estateId);
        settings.set(candidate.estateId, estate);
      }
      if ((candidate.completedAt ?? now) + estate.autoCloseDays * DAY_MS > now) continue;
      try {
        await syncRepairPayments(ctx.store, candidate._id, now);
        const { after: order } = await commitChange(ctx, candidate._id, (fresh) => {
          assertCanPerform(fresh, 'confirm', { kind: 'system' });
          // An unpaid repair fee keeps the order open (it is retried on the next run).
          assertRepairPaid(fresh);
          return transitionOrder(fresh, {
            to: 'closed',
            at: now,
            actor: { kind: 'system', name: '系统' },
            acceptance: { rating: null, comment: null, at: now, auto: true },
          });
        });
        await settleFix(ctx, order._id, order.sla.round, 'verified');
        closed++;
      } catch (error) {
        if (!isAppError(error)) throw error;
        ctx.log.log('info', 'workorder.auto_close_skipped', { orderId: candidate._id, code: error.code });
      }
    }
    after = page.next;
  } while (after && Date.now() < deadline);
  return { closed };
}
