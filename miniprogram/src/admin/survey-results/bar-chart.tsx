import { percentBarsChart, type PercentBar } from '@linli/shared';
import { Chart } from '../components/chart';

/** One 28 px band per bar, plus the axis. */
const heightOf = (bars: number) => bars * 28 + 36;

/** Labelled shares as horizontal bars, each captioned with its count or score (uCharts, see <Chart>). */
export function BarChart({ name, bars }: { name: string; bars: readonly PercentBar[] }) {
  return <Chart spec={percentBarsChart(name, bars)} height={heightOf(bars.length)} />;
}
