import { api, type FunctionContracts } from '@linli/shared';
import { formatAccessMatrix, rowOf } from './access-matrix';

/**
 * `npm run access-matrix -- FUNCTION`: print the table a function's contracts declare today, as a
 * starting point for its `access-matrix.ts`. The test compares that file with the contracts, so a
 * changed `access` fails until somebody updates the table on purpose.
 */
const wanted = process.argv[2];
for (const [fn, contracts] of Object.entries(api)) {
  if (wanted && fn !== wanted) continue;
  const rows = Object.entries(contracts as FunctionContracts).map(
    ([action, c]) => [action, rowOf(c.access)] as [string, ReturnType<typeof rowOf>],
  );
  process.stdout.write(`// ${fn}\n${formatAccessMatrix(rows)}\n\n`);
}
