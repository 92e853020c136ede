import { Text, View } from '@tarojs/components';
import { formatYuan, type BillLine, type BillUsage } from '@linli/shared';
import './index.css';

/** A bill's lines, each with its formula in words (`89.53 m² × ¥2.35/m²·月 = ¥210.40`). */
export function BillLines({ lines }: { lines: readonly BillLine[] }) {
  return (
    <View className="bill-lines">
      {lines.map((line, index) => (
        <View key={index} className="bill-line">
          <View className="bill-line__head">
            <Text className="bill-line__label">{line.label}</Text>
            <Text className="bill-line__amount">{formatYuan(line.amountFen)}</Text>
          </View>
          <Text className="bill-line__formula">{line.formula}</Text>
          {line.from && line.to ? (
            <Text className="bill-line__days">
              计费日期 {line.from} 至 {line.to}
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** What a metered bill measured: the two readings and the consumption between them. */
export function UsageFacts({ usage }: { usage: BillUsage }) {
  return (
    <View className="bill-usage">
      <Text className="bill-usage__title">{usage.usagePeriod} 用量</Text>
      <View className="bill-usage__row">
        <UsageFigure label="上次读数" value={usage.previousReading} />
        <UsageFigure label="本次读数" value={usage.currentReading} />
        <UsageFigure label={`用量（${usage.unit}）`} value={usage.quantity} strong />
      </View>
      {usage.meterReplaced ? (
        <Text className="bill-usage__note">本期更换过表具，用量含旧表与新表两部分</Text>
      ) : null}
    </View>
  );
}

function UsageFigure({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <View className="bill-usage__figure">
      <Text className={strong ? 'bill-usage__value bill-usage__value--strong' : 'bill-usage__value'}>
        {value}
      </Text>
      <Text className="bill-usage__label">{label}</Text>
    </View>
  );
}
