import { isAppError } from '../errors/app-error';
import {
  ActorKind,
  assertCanPerform,
  assertCanTransition,
  availableVerbs,
  transitionActors,
  WorkOrderState,
  type Actor,
  type TransitionActors,
} from './states';

/**
 * The expected table, written out by hand from the product rules (not derived from the code):
 * from → to → who may do it. Everything not listed must be refused.
 */
const EXPECTED: Record<string, Record<string, ActorKind[]>> = {
  submitted: { assigned: ['staff', 'system', 'technician'], cancelled: ['owner', 'staff'] },
  assigned: {
    assigned: ['staff'],
    accepted: ['technician'],
    rejected: ['technician'],
    cancelled: ['owner', 'staff'],
  },
  accepted: {
    assigned: ['staff'],
    en_route: ['technician'],
    in_progress: ['technician'],
    rejected: ['technician'],
    cancelled: ['owner', 'staff'],
  },
  en_route: { assigned: ['staff'], in_progress: ['technician'], cancelled: ['owner', 'staff'] },
  in_progress: {
    paused: ['technician'],
    quoted: ['technician'],
    completed: ['technician'],
    cancelled: ['staff'],
  },
  paused: { in_progress: ['technician'], assigned: ['staff'], cancelled: ['staff'] },
  // 有偿维修: only the household answers a quote; the desk may still cancel.
  quoted: { in_progress: ['owner'], cancelled: ['staff'] },
  completed: { closed: ['owner', 'staff', 'system'], reopened: ['owner'] },
  closed: {},
  cancelled: {},
  rejected: { assigned: ['staff', 'system', 'technician'], cancelled: ['owner', 'staff'] },
  reopened: { assigned: ['staff', 'system', 'technician'], cancelled: ['owner', 'staff'] },
};

const POOL = new Set(['submitted', 'rejected', 'reopened']);
const TECH = 'staff_tech_1';

function actorOf(kind: ActorKind): Actor {
  return kind === 'technician' ? { kind, staffId: TECH } : { kind };
}

/** An order in `state`, held by TECH unless it waits in the pool. */
const orderIn = (state: WorkOrderState) => ({ state, assigneeId: POOL.has(state) ? null : TECH });

const cases = WorkOrderState.options.flatMap((from) =>
  WorkOrderState.options.flatMap((to) =>
    ActorKind.options.map((actor) => ({
      from,
      to,
      actor,
      allowed: EXPECTED[from]?.[to]?.includes(actor) ?? false,
    })),
  ),
);

function codeOf(work: () => void): string | null {
  try {
    work();
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error.code;
  }
}

describe('work order state machine', () => {
  it('covers every state and actor combination (12 × 12 × 4)', () => {
    expect(cases).toHaveLength(12 * 12 * 4);
    expect(cases.filter((c) => c.allowed)).toHaveLength(43);
  });

  it.each(cases.filter((c) => c.allowed))('allows $from → $to by $actor', ({ from, to, actor }) => {
    expect(codeOf(() => assertCanTransition(orderIn(from), to, actorOf(actor)))).toBeNull();
  });

  // A pooled order belongs to nobody: a technician may only grab it, anything else is FORBIDDEN.
  const expectedCode = (c: (typeof cases)[number]) =>
    c.actor === 'technician' && POOL.has(c.from) && c.to !== 'assigned' ? 'FORBIDDEN' : 'PRECONDITION_FAILED';

  it.each(cases.filter((c) => !c.allowed).map((c) => ({ ...c, code: expectedCode(c) })))(
    'refuses $from → $to by $actor with $code',
    ({ from, to, actor, code }) => {
      expect(codeOf(() => assertCanTransition(orderIn(from), to, actorOf(actor)))).toBe(code);
    },
  );

  it('refuses a technician every change on an order held by someone else (FORBIDDEN)', () => {
    for (const from of WorkOrderState.options.filter((s) => !POOL.has(s)))
      for (const to of WorkOrderState.options)
        expect(
          codeOf(() =>
            assertCanTransition({ state: from, assigneeId: 'staff_other' }, to, {
              kind: 'technician',
              staffId: TECH,
            }),
          ),
        ).toBe('FORBIDDEN');
  });

  it('lets a technician take an order only from the pool (grab), never accept one not given to them', () => {
    const pooled = { state: 'submitted' as const, assigneeId: null };
    expect(
      codeOf(() => assertCanTransition(pooled, 'assigned', { kind: 'technician', staffId: TECH })),
    ).toBeNull();
    expect(codeOf(() => assertCanTransition(pooled, 'accepted', { kind: 'technician', staffId: TECH }))).toBe(
      'FORBIDDEN',
    );
  });

  it('explains a refusal in Chinese, naming both states', () => {
    expect(() => assertCanTransition(orderIn('closed'), 'in_progress', actorOf('technician'))).toThrow(
      '工单当前为“已完成”，不能改为“维修中”',
    );
    expect(() => assertCanTransition(orderIn('in_progress'), 'cancelled', actorOf('owner'))).toThrow(
      '业主不能改为“已取消”',
    );
  });

  it('is checked for completeness by the compiler', () => {
    // @ts-expect-error — dropping the completed → closed edge does not compile
    const missing: TransitionActors = { ...transitionActors, completed: { reopened: ['owner'] } };
    // @ts-expect-error — an edge absent from the transition table does not compile
    const extra: TransitionActors = { ...transitionActors, closed: { reopened: ['owner'] } };
    expect([missing, extra]).toHaveLength(2);
  });

  it('offers each person only the buttons they may press now', () => {
    const tech: Actor = { kind: 'technician', staffId: TECH };
    expect(availableVerbs(orderIn('assigned'), [tech])).toEqual(['accept', 'reject']);
    expect(availableVerbs(orderIn('accepted'), [tech])).toEqual(['reject', 'depart', 'start']);
    expect(availableVerbs(orderIn('paused'), [tech])).toEqual(['resume']);
    expect(availableVerbs(orderIn('in_progress'), [tech])).toEqual(['pause', 'quote', 'complete']);
    expect(availableVerbs(orderIn('quoted'), [tech])).toEqual([]);
    expect(availableVerbs(orderIn('quoted'), [{ kind: 'owner' }])).toEqual([
      'approve_quote',
      'decline_quote',
    ]);
    expect(availableVerbs(orderIn('quoted'), [{ kind: 'staff' }])).toEqual(['cancel']);
    expect(availableVerbs(orderIn('submitted'), [tech])).toEqual(['grab']);
    expect(availableVerbs(orderIn('completed'), [{ kind: 'owner' }])).toEqual(['confirm', 'reopen']);
    expect(availableVerbs(orderIn('in_progress'), [{ kind: 'owner' }])).toEqual([]);
    expect(availableVerbs(orderIn('submitted'), [{ kind: 'staff' }])).toEqual([
      'dispatch',
      'reassign',
      'cancel',
    ]);
    expect(availableVerbs(orderIn('closed'), [{ kind: 'staff' }, tech, { kind: 'owner' }])).toEqual([]);
  });

  it('keeps each verb to its own states and actor', () => {
    const tech: Actor = { kind: 'technician', staffId: TECH };
    expect(codeOf(() => assertCanPerform(orderIn('paused'), 'start', tech))).toBe('PRECONDITION_FAILED');
    expect(codeOf(() => assertCanPerform(orderIn('paused'), 'resume', tech))).toBeNull();
    expect(codeOf(() => assertCanPerform(orderIn('accepted'), 'resume', tech))).toBe('PRECONDITION_FAILED');
    expect(codeOf(() => assertCanPerform(orderIn('submitted'), 'grab', { kind: 'staff' }))).toBe('FORBIDDEN');
    expect(codeOf(() => assertCanPerform(orderIn('submitted'), 'dispatch', { kind: 'system' }))).toBeNull();
    expect(codeOf(() => assertCanPerform(orderIn('assigned'), 'dispatch', { kind: 'staff' }))).toBe(
      'PRECONDITION_FAILED',
    );
    // Answering a quote is only for a quoted order, and only the household's to give.
    expect(codeOf(() => assertCanPerform(orderIn('paused'), 'approve_quote', tech))).toBe(
      'PRECONDITION_FAILED',
    );
    expect(codeOf(() => assertCanPerform(orderIn('quoted'), 'approve_quote', tech))).toBe(
      'PRECONDITION_FAILED',
    );
    expect(codeOf(() => assertCanPerform(orderIn('quoted'), 'decline_quote', { kind: 'staff' }))).toBe(
      'PRECONDITION_FAILED',
    );
    expect(codeOf(() => assertCanPerform(orderIn('in_progress'), 'approve_quote', { kind: 'owner' }))).toBe(
      'PRECONDITION_FAILED',
    );
    expect(codeOf(() => assertCanPerform(orderIn('quoted'), 'quote', tech))).toBe('PRECONDITION_FAILED');
  });
});
