import {
  escalationsDue,
  nextSlaAlertAt,
  pauseSla,
  reprioritizeSla,
  resumeSla,
  slaMarks,
  slaOutcome,
  slaStatus,
  startSla,
  type SlaSubject,
} from './sla';

const MIN = 60_000;
const T0 = Date.parse('2026-11-30T02:00:00Z');

function order(overrides: Partial<SlaSubject> = {}): SlaSubject {
  const priority = overrides.priority ?? 'urgent';
  return {
    state: 'assigned',
    priority,
    respondedAt: null,
    completedAt: null,
    sla: startSla(priority, T0),
    ...overrides,
  };
}

describe('SLA deadlines and status', () => {
  it('gives an urgent order 15 minutes to respond and 4 hours to finish', () => {
    const sla = startSla('urgent', T0);
    expect(sla.respondBy - T0).toBe(15 * MIN);
    expect(sla.completeBy - T0).toBe(240 * MIN);
    expect(startSla('normal', T0).completeBy - T0).toBe(72 * 60 * MIN);
  });

  it('reads on track, at risk (75% used), then breached', () => {
    const o = order();
    expect(slaStatus(o, T0 + 5 * MIN)).toEqual({
      status: 'on_track',
      clock: 'response',
      dueAt: T0 + 15 * MIN,
    });
    expect(slaStatus(o, T0 + 12 * MIN).status).toBe('at_risk');
    expect(slaStatus(o, T0 + 15 * MIN)).toMatchObject({ status: 'breached', clock: 'response' });
  });

  it('switches to the completion clock once a technician accepts', () => {
    const o = order({ state: 'accepted', respondedAt: T0 + 10 * MIN });
    expect(slaStatus(o, T0 + 20 * MIN)).toEqual({
      status: 'on_track',
      clock: 'completion',
      dueAt: T0 + 240 * MIN,
    });
    expect(slaStatus(o, T0 + 181 * MIN).status).toBe('at_risk');
    expect(slaOutcome(o).responseMet).toBe(true);
  });

  it('stops the completion clock while waiting for parts and moves the deadline by the pause', () => {
    let o = order({ state: 'paused', respondedAt: T0 + MIN });
    o = { ...o, sla: pauseSla(o.sla, T0 + 60 * MIN) };
    expect(slaStatus(o, T0 + 600 * MIN)).toEqual({ status: 'on_track', clock: null, dueAt: null });
    o = { ...o, state: 'in_progress', sla: resumeSla(o.sla, T0 + 180 * MIN) };
    expect(o.sla.completeBy).toBe(T0 + 360 * MIN);
    expect(o.sla.pausedMs).toBe(120 * MIN);
    expect(slaStatus(o, T0 + 300 * MIN).status).toBe('at_risk');
  });

  it('recomputes deadlines from the start of the round when staff change the priority', () => {
    const sla = reprioritizeSla(startSla('normal', T0), 'urgent');
    expect(sla.respondBy).toBe(T0 + 15 * MIN);
    expect(sla.completeBy).toBe(T0 + 240 * MIN);
  });

  it('runs no clock on finished orders and records whether deadlines were met', () => {
    const done = order({ state: 'completed', respondedAt: T0 + 20 * MIN, completedAt: T0 + 200 * MIN });
    expect(slaStatus(done, T0 + 999 * MIN).clock).toBeNull();
    expect(slaMarks(done)).toEqual({ slaAtRiskAt: null, slaDueAt: null });
    expect(slaOutcome(done)).toEqual({ responseMet: false, completionMet: true });
  });

  it('escalates each level once per round, the alert time moving to the next threshold', () => {
    const o = order();
    expect(nextSlaAlertAt(o)).toBe(T0 + 11.25 * MIN);
    expect(escalationsDue(o, T0 + 16 * MIN)).toEqual(['response_at_risk', 'response_breached']);
    const escalated = {
      ...o,
      sla: { ...o.sla, escalated: ['response_at_risk' as const, 'response_breached' as const] },
    };
    expect(escalationsDue(escalated, T0 + 16 * MIN)).toEqual([]);
    expect(nextSlaAlertAt(escalated)).toBe(T0 + 180 * MIN);
  });
});
