import { WorkOrderCategory } from './category';
import type { WorkOrder } from './order';
import { slaOutcome, slaStatus } from './sla';

export type StatsOrder = Pick<
  WorkOrder,
  | 'orderNo'
  | 'category'
  | 'state'
  | 'priority'
  | 'createdAt'
  | 'respondedAt'
  | 'completedAt'
  | 'sla'
  | 'assigneeId'
  | 'assigneeName'
  | 'acceptance'
  | 'completion'
  | 'locationKey'
  | 'locationLabel'
>;

export interface DurationSummary {
  count: number;
  averageMinutes: number;
  medianMinutes: number;
  p90Minutes: number;
}

export interface RateSummary {
  met: number;
  total: number;
  /** 0 … 1, null when nothing was measured. */
  rate: number | null;
}

export interface WorkOrderStats {
  total: number;
  open: number;
  /** Completed or closed. */
  done: number;
  cancelled: number;
  /** From report (or reopen) to the technician accepting. */
  response: DurationSummary | null;
  /** From report (or reopen) to completion, pauses included: what the owner waited. */
  completion: DurationSummary | null;
  sla: { response: RateSummary; completion: RateSummary };
  byCategory: Array<{ category: WorkOrderCategory; count: number }>;
  /** Open orders now, whenever reported. */
  backlogByCategory: Array<{ category: WorkOrderCategory; open: number; atRisk: number; breached: number }>;
  /** Places (or devices) with two or more orders in the period, most first. */
  repeatFailures: Array<{ locationKey: string; locationLabel: string; count: number; orderNos: string[] }>;
  /** Per technician who completed rated orders, best average first. */
  ratings: Array<{ technicianId: string; name: string; count: number; average: number; lowCount: number }>;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

function durations(minutes: number[]): DurationSummary | null {
  if (!minutes.length) return null;
  const sorted = [...minutes].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return {
    count: sorted.length,
    averageMinutes: round1(sorted.reduce((s, m) => s + m, 0) / sorted.length),
    medianMinutes: round1(at(0.5)),
    p90Minutes: round1(at(0.9)),
  };
}

function rate(outcomes: Array<boolean | null>): RateSummary {
  const measured = outcomes.filter((o): o is boolean => o !== null);
  const met = measured.filter(Boolean).length;
  return {
    met,
    total: measured.length,
    rate: measured.length ? Math.round((met / measured.length) * 1000) / 1000 : null,
  };
}

const FINISHED = new Set(['completed', 'closed', 'cancelled']);

/**
 * Statistics over the orders reported in a period (`orders`) and the open orders now
 * (`backlog`). A reopened order is measured by its last round.
 */
export function workOrderStats(
  orders: readonly StatsOrder[],
  backlog: readonly StatsOrder[],
  now: number,
): WorkOrderStats {
  const minutes = (ms: number) => ms / 60_000;
  const outcomes = orders.map(slaOutcome);

  const byCategory = WorkOrderCategory.options
    .map((category) => ({ category, count: orders.filter((o) => o.category === category).length }))
    .filter((c) => c.count > 0);

  const backlogByCategory = WorkOrderCategory.options
    .map((category) => {
      const open = backlog.filter((o) => o.category === category && !FINISHED.has(o.state));
      const status = open.map((o) => slaStatus(o, now).status);
      return {
        category,
        open: open.length,
        atRisk: status.filter((s) => s === 'at_risk').length,
        breached: status.filter((s) => s === 'breached').length,
      };
    })
    .filter((c) => c.open > 0);

  const places = new Map<string, { locationLabel: string; orderNos: string[] }>();
  for (const o of orders) {
    if (o.state === 'cancelled') continue;
    const place = places.get(o.locationKey) ?? { locationLabel: o.locationLabel, orderNos: [] };
    place.orderNos.push(o.orderNo);
    places.set(o.locationKey, place);
  }
  const repeatFailures = [...places.entries()]
    .filter(([, p]) => p.orderNos.length >= 2)
    .map(([locationKey, p]) => ({
      locationKey,
      locationLabel: p.locationLabel,
      count: p.orderNos.length,
      orderNos: p.orderNos,
    }))
    .sort((a, b) => b.count - a.count || a.locationLabel.localeCompare(b.locationLabel));

  const byTechnician = new Map<string, { name: string; scores: number[] }>();
  for (const o of orders) {
    const rating = o.acceptance?.rating;
    const technicianId = o.completion?.technicianId ?? o.assigneeId;
    if (rating == null || !technicianId) continue;
    const name = o.completion?.technicianName ?? o.assigneeName ?? '';
    const entry = byTechnician.get(technicianId) ?? { name, scores: [] };
    entry.scores.push(rating);
    byTechnician.set(technicianId, entry);
  }
  const ratings = [...byTechnician.entries()]
    .map(([technicianId, t]) => ({
      technicianId,
      name: t.name,
      count: t.scores.length,
      average: Math.round((t.scores.reduce((s, r) => s + r, 0) / t.scores.length) * 100) / 100,
      lowCount: t.scores.filter((r) => r <= 2).length,
    }))
    .sort((a, b) => b.average - a.average || b.count - a.count);

  return {
    total: orders.length,
    open: orders.filter((o) => !FINISHED.has(o.state)).length,
    done: orders.filter((o) => o.state === 'completed' || o.state === 'closed').length,
    cancelled: orders.filter((o) => o.state === 'cancelled').length,
    response: durations(
      orders.flatMap((o) => (o.respondedAt === null ? [] : [minutes(o.respondedAt - o.sla.startedAt)])),
    ),
    completion: durations(
      orders.flatMap((o) => (o.completedAt === null ? [] : [minutes(o.completedAt - o.sla.startedAt)])),
    ),
    sla: {
      response: rate(outcomes.map((o) => o.responseMet)),
      completion: rate(outcomes.map((o) => o.completionMet)),
    },
    byCategory,
    backlogByCategory,
    repeatFailures,
    ratings,
  };
}
