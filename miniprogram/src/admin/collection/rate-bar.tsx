import { Text, View } from '@tarojs/components';
import type { Rate } from '@linli/shared';

/**
 * A rate as a plain CSS bar. A chart library that runs in both WeChat and H5 (ECharts, F2) would
 * add hundreds of KB to the staff subpackage for what a bar of the right width already shows.
 */
export function RateBar({ label, rate, detail }: { label: string; rate: Rate; detail: string }) {
  const width = rate.denominator > 0 ? Math.min(100, (rate.numerator / rate.denominator) * 100) : 0;
  return (
    <View className="rate-bar">
      <View className="rate-bar__head">
        <Text className="rate-bar__label">{label}</Text>
        <Text className="rate-bar__percent">{rate.percent ?? '—'}</Text>
      </View>
      <View className="rate-bar__track">
        <View className="rate-bar__fill" style={{ width: `${width}%` }} />
      </View>
      <Text className="rate-bar__detail">{detail}</Text>
    </View>
  );
}

/** A share of the largest value, for bars that compare amounts (aging buckets). */
export function AmountBar({ share, tone = 'green' }: { share: number; tone?: 'green' | 'amber' | 'red' }) {
  return (
    <View className="rate-bar__track">
      <View
        className={`rate-bar__fill rate-bar__fill--${tone}`}
        style={{ width: `${Math.round(share * 100)}%` }}
      />
    </View>
  );
}
