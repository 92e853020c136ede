import { Text, View } from '@tarojs/components';

export interface Bar {
  label: string;
  /** Bar length, 0–100. */
  percent: number;
  /** What is written after the bar (count, share, score). */
  caption: string;
  tone?: 'good' | 'mid' | 'bad' | 'plain';
}

/**
 * Horizontal bars drawn with Views. Chosen over a chart library: echarts (even the weapp build,
 * ~500 KB) and F2 (canvas, wired differently per platform) cost more than the whole admin
 * subpackage budget allows for this page, while bars of plain Views look the same in WeChat and
 * H5, cost nothing to load, and stay readable as text (counts and shares are written out).
 */
export function BarChart({ bars }: { bars: readonly Bar[] }) {
  return (
    <View className="bar-chart">
      {bars.map((bar, i) => (
        <View key={`${bar.label}-${i}`} className="bar-chart__row">
          <Text className="bar-chart__label">{bar.label}</Text>
          <View className="bar-chart__track">
            <View
              className={`bar-chart__bar bar-chart__bar--${bar.tone ?? 'plain'}`}
              style={{ width: `${Math.max(0, Math.min(100, bar.percent))}%` }}
            />
          </View>
          <Text className="bar-chart__caption">{bar.caption}</Text>
        </View>
      ))}
    </View>
  );
}

/** Green for a good index, amber for middling, red for poor. */
export const toneOfIndex = (index: number | null): Bar['tone'] =>
  index === null ? 'plain' : index >= 80 ? 'good' : index >= 60 ? 'mid' : 'bad';
