import fc from 'fast-check';
import { keyId } from '@linli/shared';
import { assertCanCall } from '@linli/cloudfunctions/src/_lib/authorize';
import { resolveCaller } from '@linli/cloudfunctions/src/_lib/dispatch';
import { functions } from '@linli/cloudfunctions/src/functions';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { MATRIX_COLUMNS, matrixCaller, parseAccessMatrix, type MatrixRow } from '../hardening/access-matrix';
import { validishInput } from '../hardening/schema-arbitrary';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';

/** Codes the gate answers with; anything else means the call got past it. */
const GATE_CODES = ['UNAUTHENTICATED', 'NOT_BOUND', 'FORBIDDEN'];

function tableOf(fn: string): Map<string, MatrixRow> {
  // Each function keeps its table beside its actions; a function without one fails here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(`@linli/cloudfunctions/src/${fn}/access-matrix`) as { accessMatrix: string };
  return parseAccessMatrix(module.accessMatrix);
}

describe('authorization matrix: every action × every caller', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime();
  });
  afterAll(() => t.close());

  describe.each(Object.keys(functions))('%s', (fn) => {
    const contracts = functions[fn]!.contracts;

    it('its table lists exactly its actions', () => {
      expect([...tableOf(fn).keys()].sort()).toEqual(Object.keys(contracts).sort());
    });

    it('every cell holds: the gate admits exactly the Y callers, and the runtime refuses the others', async () => {
      const drift: string[] = [];
      for (const [action, row] of tableOf(fn)) {
        const contract = contracts[action];
        if (!contract) continue;
        for (const column of MATRIX_COLUMNS) {
          const caller = await resolveCaller(t.store, matrixCaller[column], Date.now());
          let admitted = true;
          try {
            assertCanCall(contract.access, caller);
          } catch {
            admitted = false;
          }
          if (admitted !== row[column])
            drift.push(`${fn}.${action} × ${column}: table ${row[column] ? 'Y' : '-'}`);
          if (!row[column]) {
            // End to end through dispatch: a refused caller learns nothing and changes nothing.
            const envelope = await t.runtime.call(fn, action, {}, matrixCaller[column]);
            if (envelope.ok || !GATE_CODES.includes(envelope.error.code))
              drift.push(
                `${fn}.${action} × ${column}: runtime answered ${envelope.ok ? 'ok' : envelope.error.code}`,
              );
          }
        }
      }
      expect(drift).toEqual([]);
    });
  });
});

/**
 * Actions whose input names a household or an estate are called with 邻里花园's ids by an owner
 * of another household (2-1-0802) and by the admin of another estate (周主管, 枫林苑). Neither
 * may succeed. Inputs come from the action's own schema, so the calls reach the handler.
 */
const OPEN_BY_DESIGN = new Set([
  // Anyone may apply to bind any household: the claim is checked against the registered owner.
  'binding.claim',
  // Lists the estates a resident can apply to; public information.
  'binding.estates',
]);

describe('object-level checks: other household, other estate', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime();
  });
  afterAll(() => t.close());

  const foreignHousehold = keyId('hh', DEMO_ESTATE_ID, '1-1-1201');
  const intruders = [
    { openid: 'demo-owner-2', column: 'owner' as const },
    { openid: 'demo-admin-maple', column: 'admin' as const },
  ];
  const targets = Object.entries(functions).flatMap(([fn, f]) =>
    Object.entries(f.contracts)
      .filter(([action]) => !OPEN_BY_DESIGN.has(`${fn}.${action}`))
      .map(([action, contract]) => ({ fn, action, contract })),
  );

  it('no intruder ever gets an answer about 邻里花园 or 1-1-1201', async () => {
    const leaks: string[] = [];
    let conclusive = 0;
    for (const { fn, action, contract } of targets) {
      const samples = fc.sample(validishInput(contract.input), { numRuns: 6, seed: 20261129 });
      const aimed = samples
        .filter((s): s is Record<string, unknown> => !!s && typeof s === 'object' && !Array.isArray(s))
        .filter((s) => 'householdId' in s || 'estateId' in s)
        .map((s) => ({
          ...s,
          ...('householdId' in s ? { householdId: foreignHousehold } : {}),
          ...('estateId' in s ? { estateId: DEMO_ESTATE_ID } : {}),
        }));
      for (const input of aimed) {
        for (const intruder of intruders) {
          const envelope = await t.call(intruder.openid, fn, action, input);
          if (envelope.ok) leaks.push(`${fn}.${action} as ${intruder.openid}: ${JSON.stringify(input)}`);
          else if (envelope.error.code !== 'VALIDATION') conclusive++;
        }
      }
    }
    expect(leaks).toEqual([]);
    // The sample inputs must reach the handlers often enough for this test to mean something.
    expect(conclusive).toBeGreaterThan(20);
  });
});
