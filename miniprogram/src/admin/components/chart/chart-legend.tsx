import { Text, View } from '@tarojs/components';
import type { ChartSpec } from '@linli/shared';
import { toneColors } from './ucharts-options';

export interface LegendRow {
  label: string;
  /** The figure written out, e.g. "12 户 · ¥3,400.00". */
  value: string;
  /** Tapping the row opens this (a list on that filter). */
  onOpen?: () => void;
}

/**
 * The chart's categories written out with their colour and figure: the text a person reads and
 * taps, beside a picture that only shows proportions.
 */
export function ChartLegend({ spec, rows }: { spec: ChartSpec; rows: readonly LegendRow[] }) {
  const series = spec.series[0];
  return (
    <View className="chart-legend">
      {rows.map((row, i) => (
        <View
          key={`${row.label}-${i}`}
          className={row.onOpen ? 'chart-legend__row chart-legend__row--link' : 'chart-legend__row'}
          onClick={
            row.onOpen
              ? (event?: { stopPropagation?: () => void }) => {
                  event?.stopPropagation?.();
                  row.onOpen?.();
                }
              : undefined
          }
        >
          <View
            className="chart-legend__dot"
            style={{ background: toneColors[series?.tones?.[i] ?? series?.tone ?? 'info'] }}
          />
          <Text className="chart-legend__label">{row.label}</Text>
          <Text className="chart-legend__value">
            {row.value}
            {row.onOpen ? ' ›' : ''}
          </Text>
        </View>
      ))}
    </View>
  );
}
