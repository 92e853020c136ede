import type { Priority } from './priority';
import type { WorkOrderState } from './states';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Response (someone accepts) and completion deadlines per priority, from report or reopen. */
export const slaWindows: Record<Priority, { responseMs: number; completionMs: number }> = {
  urgent: { responseMs: 15 * MINUTE, completionMs: 4 * HOUR },
  high: { responseMs: 30 * MINUTE, completionMs: 24 * HOUR },
  normal: { responseMs: 2 * HOUR, completionMs: 72 * HOUR },
  low: { responseMs: 8 * HOUR, completionMs: 7 * 24 * HOUR },
};

/** A clock is at risk once this share of its window is used (urgent response: after 11¼ min). */
export const AT_RISK_SHARE = 0.75;

export type SlaClock = 'response' | 'completion';
export type SlaStatus = 'on_track' | 'at_risk' | 'breached';
export type EscalationLevel = `${SlaClock}_${'at_risk' | 'breached'}`;

export const slaStatusLabels: Record<SlaStatus, string> = {
  on_track: '正常',
  at_risk: '即将超时',
  breached: '已超时',
};
export const slaClockLabels: Record<SlaClock, string> = { response: '响应', completion: '完工' };

/**
 * The deadlines of the current round (a reopen starts a new one). Time spent paused waiting for
 * parts does not count against completion: resuming moves `completeBy` later by the pause.
 */
export interface SlaState {
  round: number;
  startedAt: number;
  respondBy: number;
  completeBy: number;
  pausedMs: number;
  pausedAt: number | null;
  /** Levels already escalated this round (each at most once). */
  escalated: EscalationLevel[];
}

/** What the clocks read from an order. */
export interface SlaSubject {
  state: WorkOrderState;
  priority: Priority;
  respondedAt: number | null;
  completedAt: number | null;
  sla: SlaState;
}

export function startSla(priority: Priority, at: number, round = 0): SlaState {
  const w = slaWindows[priority];
  return {
    round,
    startedAt: at,
    respondBy: at + w.responseMs,
    completeBy: at + w.completionMs,
    pausedMs: 0,
    pausedAt: null,
    escalated: [],
  };
}

/** New windows after a priority change, still counted from the start of the round. */
export function reprioritizeSla(sla: SlaState, priority: Priority): SlaState {
  const w = slaWindows[priority];
  return {
    ...sla,
    respondBy: sla.startedAt + w.responseMs,
    completeBy: sla.startedAt + w.completionMs + sla.pausedMs,
  };
}

export function pauseSla(sla: SlaState, at: number): SlaState {
  return sla.pausedAt === null ? { ...sla, pausedAt: at } : sla;
}

export function resumeSla(sla: SlaState, at: number): SlaState {
  if (sla.pausedAt === null) return sla;
  const paused = Math.max(0, at - sla.pausedAt);
  return { ...sla, pausedAt: null, pausedMs: sla.pausedMs + paused, completeBy: sla.completeBy + paused };
}

export interface RunningClock {
  clock: SlaClock;
  atRiskAt: number;
  dueAt: number;
}

const TERMINAL: readonly WorkOrderState[] = ['completed', 'closed', 'cancelled'];

/** Clocks that run now: response until accepted, completion until done (stopped while paused). */
export function runningClocks(order: SlaSubject): RunningClock[] {
  if (TERMINAL.includes(order.state)) return [];
  const w = slaWindows[order.priority];
  const clocks: RunningClock[] = [];
  if (order.respondedAt === null)
    clocks.push({
      clock: 'response',
      dueAt: order.sla.respondBy,
      atRiskAt: order.sla.respondBy - (1 - AT_RISK_SHARE) * w.responseMs,
    });
  // Waiting for parts or for the owner's answer to a quote does not count against the technician.
  if (order.completedAt === null && order.state !== 'paused' && order.state !== 'quoted')
    clocks.push({
      clock: 'completion',
      dueAt: order.sla.completeBy,
      atRiskAt: order.sla.completeBy - (1 - AT_RISK_SHARE) * w.completionMs,
    });
  return clocks;
}

const statusAt = (clock: RunningClock, now: number): SlaStatus =>
  now >= clock.dueAt ? 'breached' : now >= clock.atRiskAt ? 'at_risk' : 'on_track';

const severity: Record<SlaStatus, number> = { on_track: 0, at_risk: 1, breached: 2 };

export interface SlaReading {
  status: SlaStatus;
  /** The clock that decides the status (the worse one, then the earlier deadline). */
  clock: SlaClock | null;
  dueAt: number | null;
}

/** How an open order stands against its deadlines at `now`; finished orders read on_track. */
export function slaStatus(order: SlaSubject, now: number): SlaReading {
  const clocks = runningClocks(order);
  if (!clocks.length) return { status: 'on_track', clock: null, dueAt: null };
  const worst = [...clocks].sort(
    (a, b) => severity[statusAt(b, now)] - severity[statusAt(a, now)] || a.dueAt - b.dueAt,
  )[0]!;
  return { status: statusAt(worst, now), clock: worst.clock, dueAt: worst.dueAt };
}

/** Query fields kept on the order so lists can filter by risk without reading every order. */
export function slaMarks(order: SlaSubject): { slaAtRiskAt: number | null; slaDueAt: number | null } {
  const clocks = runningClocks(order);
  if (!clocks.length) return { slaAtRiskAt: null, slaDueAt: null };
  return {
    slaAtRiskAt: Math.min(...clocks.map((c) => c.atRiskAt)),
    slaDueAt: Math.min(...clocks.map((c) => c.dueAt)),
  };
}

function thresholds(order: SlaSubject): Array<{ level: EscalationLevel; at: number }> {
  return runningClocks(order).flatMap((c) => [
    { level: `${c.clock}_at_risk` as const, at: c.atRiskAt },
    { level: `${c.clock}_breached` as const, at: c.dueAt },
  ]);
}

/** Levels reached by `now` and not yet escalated this round, most severe last. */
export function escalationsDue(order: SlaSubject, now: number): EscalationLevel[] {
  return thresholds(order)
    .filter((t) => t.at <= now && !order.sla.escalated.includes(t.level))
    .sort((a, b) => a.at - b.at)
    .map((t) => t.level);
}

/** When the escalation job next needs to look at the order (null: never, unless it changes). */
export function nextSlaAlertAt(order: SlaSubject): number | null {
  const pending = thresholds(order).filter((t) => !order.sla.escalated.includes(t.level));
  return pending.length ? Math.min(...pending.map((t) => t.at)) : null;
}

export const escalationLevelLabels: Record<EscalationLevel, string> = {
  response_at_risk: '即将超时未接单',
  response_breached: '超时未接单',
  completion_at_risk: '即将超时未完工',
  completion_breached: '超时未完工',
};

/** Whether a finished round met each deadline (null: that clock never ended). */
export function slaOutcome(order: SlaSubject): {
  responseMet: boolean | null;
  completionMet: boolean | null;
} {
  return {
    responseMet: order.respondedAt === null ? null : order.respondedAt <= order.sla.respondBy,
    completionMet: order.completedAt === null ? null : order.completedAt <= order.sla.completeBy,
  };
}
