import { Text, View } from '@tarojs/components';
import { formatYuan, type BillRunView } from '@linli/shared';

/** Where a run stands: households done of all, bills and amount so far. */
export function RunProgress({ run }: { run: BillRunView }) {
  return (
    <View className="run-progress">
      <View className="run-progress__head">
        <Text className="run-progress__title">
          {run.period} · {run.statusLabel}
        </Text>
        <Text className="run-progress__percent">{run.progressPercent}%</Text>
      </View>
      <View className="run-progress__track">
        <View className="run-progress__bar" style={{ width: `${run.progressPercent}%` }} />
      </View>
      <Text className="run-progress__facts">
        已处理 {run.householdsDone}/{run.householdsTotal} 户 · {run.bills} 张账单 · {run.lines} 行 ·{' '}
        {formatYuan(run.amountFen)}
      </Text>
      {run.heldReadings || run.missingReadings ? (
        <Text className="run-progress__warn">
          {run.heldReadings ? `${run.heldReadings} 个读数待复核未出账；` : ''}
          {run.missingReadings ? `${run.missingReadings} 户缺少读数` : ''}
        </Text>
      ) : null}
    </View>
  );
}
