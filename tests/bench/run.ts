/**
 * `npm run bench [-- NAME]`: run the benchmarks whose name contains NAME (all by default),
 * print a table and write .bench/results.json as [{ name, value, unit, baseline, ratio }].
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatTable, type Benchmark, type BenchResult } from './harness';
import { billingBenchmarks } from './suites/billing';
import { dashboardBenchmarks } from './suites/dashboard';
import { facilitiesBenchmarks } from './suites/facilities';
import { foundationBenchmarks } from './suites/foundation';
import { httpLoadBenchmarks } from './suites/http-load';
import { iotBenchmarks } from './suites/iot';
import { noticeBenchmarks } from './suites/notice';
import { paymentBenchmarks } from './suites/payment';
import { propertyImportBenchmarks } from './suites/property-import';
import { surveyBenchmarks } from './suites/survey';
import { workorderBenchmarks } from './suites/workorder';

const benchmarks: Benchmark[] = [
  ...foundationBenchmarks,
  ...propertyImportBenchmarks,
  ...billingBenchmarks,
  ...dashboardBenchmarks,
  ...noticeBenchmarks,
  ...paymentBenchmarks,
  ...surveyBenchmarks,
  ...workorderBenchmarks,
  ...facilitiesBenchmarks,
  ...iotBenchmarks,
  ...httpLoadBenchmarks,
];

async function main(): Promise<void> {
  const filter = process.argv[2] ?? '';
  const selected = benchmarks.filter((b) => b.name.includes(filter));
  if (!selected.length)
    throw new Error(`no benchmark matches "${filter}"; known: ${benchmarks.map((b) => b.name).join(', ')}`);
  const results: BenchResult[] = [];
  for (const bench of selected) {
    process.stderr.write(`running ${bench.name}...\n`);
    const m = await bench.run();
    const ratio = bench.higherIsBetter ? m.value / m.baseline : m.baseline / m.value;
    results.push({
      name: bench.name,
      value: m.value,
      unit: bench.unit,
      baseline: m.baseline,
      ratio,
      ...(m.notes ? { notes: m.notes } : {}),
    });
  }
  process.stdout.write(
    `${formatTable(results)}\n\nratio: value relative to the baseline measured in the same run (higher is better)\n`,
  );
  const dir = resolve(__dirname, '../../.bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
