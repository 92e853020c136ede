import fc from 'fast-check';
import { functions } from '@linli/cloudfunctions/src/functions';
import { MATRIX_COLUMNS, matrixCaller, rowOf, type MatrixColumn } from '../hardening/access-matrix';
import { fuzzInput } from '../hardening/schema-arbitrary';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';

/** Inputs per action and caller. Each run is one call; the whole suite stays well under a minute. */
const RUNS = 12;

/**
 * Refusals that must write: a failed binding check is counted so repeated guessing is rate-limited.
 */
const WRITES_WHEN_REFUSED = new Set(['binding.claim']);

/** One caller per kind the action admits: a staff member, an owner, a user with no home, the timer. */
function callersOf(access: Parameters<typeof rowOf>[0]): MatrixColumn[] {
  const row = rowOf(access);
  const staff = (['admin', 'finance', 'service', 'tech'] as const).find((c) => row[c]);
  return MATRIX_COLUMNS.filter(
    (c) => row[c] && (c === 'owner' || c === 'unbound' || c === 'trigger' || c === staff),
  );
}

/**
 * Property: whatever the input, an action answers with data or a typed error (never INTERNAL, never
 * a throw), and a refused call leaves the database exactly as it was.
 */
describe('fuzzing every action', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime();
  });
  afterAll(() => t.close());

  const cases = Object.entries(functions).flatMap(([fn, f]) =>
    Object.entries(f.contracts).map(([action, contract]) => ({
      name: `${fn}.${action}`,
      fn,
      action,
      contract,
    })),
  );

  it.each(cases)('$name', async ({ name, fn, action, contract }) => {
    for (const column of callersOf(contract.access)) {
      await fc.assert(
        fc.asyncProperty(fuzzInput(contract.input), async (input) => {
          const before = t.store.changeCount();
          const envelope = await t.runtime.call(fn, action, input, matrixCaller[column]);
          if (envelope.ok) return;
          expect(envelope.error.code).not.toBe('INTERNAL');
          if (!WRITES_WHEN_REFUSED.has(name)) expect(t.store.changeCount()).toBe(before);
        }),
        { numRuns: RUNS, seed: 20261129, endOnFailure: true },
      );
    }
  });
});
