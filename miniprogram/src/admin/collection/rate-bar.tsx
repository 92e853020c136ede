import { Text, View } from '@tarojs/components';
import type { Rate } from '@linli/shared';

/**
 * One rate as a progress bar inside a card, next to its figures in words. Charts that compare
 * several values (months, segments, buildings) use <Chart>; a single share needs no canvas.
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
