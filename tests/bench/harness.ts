/**
 * A tiny benchmark harness: each benchmark measures its subject and a baseline in the same run
 * (so machine speed cancels out), and reports value, baseline and their ratio.
 */
export interface Measurement {
  value: number;
  baseline: number;
  /** Extra figures worth printing (peak memory, p99, ...). */
  notes?: string;
}

export interface Benchmark {
  name: string;
  /** Unit of value and baseline, e.g. 'docs/s', 'ms'. */
  unit: string;
  /** Whether a bigger value is better (throughput) or smaller (latency). */
  higherIsBetter: boolean;
  run(): Promise<Measurement>;
}

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  notes?: string;
}

/** Wall time of `work` in milliseconds. */
export async function timeMs(work: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Median of repeated timings, after one warm-up run. */
export async function medianMs(times: number, work: () => unknown): Promise<number> {
  await work();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) samples.push(await timeMs(work));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export const perSecond = (count: number, ms: number): number => (count * 1000) / ms;

export function formatTable(results: BenchResult[]): string {
  const rows = results.map((r) => [
    r.name,
    `${round(r.value)} ${r.unit}`,
    `${round(r.baseline)} ${r.unit}`,
    `${r.ratio.toFixed(2)}×`,
    r.notes ?? '',
  ]);
  const header = ['benchmark', 'value', 'baseline', 'ratio', 'notes'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function round(value: number): string {
  return value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(2);
}
