import { Text, View } from '@tarojs/components';
import { formatYuan } from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { Cell, CellGroup } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { AmountBar } from './rate-bar';

const tones = { current: 'green', d0_30: 'amber', d31_90: 'amber', d90_plus: 'red' } as const;

/** 账龄: how long the open amounts have been overdue, and who owes most. */
export function AgingReport({ estateId }: { estateId: string }) {
  const report = useRemote(() => call('billing', 'stats.aging', { estateId, limit: 20 }), [estateId]);
  return (
    <RemoteView remote={report}>
      {(view) => {
        const largest = Math.max(1, ...view.buckets.map((b) => b.outstandingFen));
        return (
          <>
            <View className="stats-card">
              <Text className="stats-card__title">
                欠费合计 {formatYuan(view.totalOutstandingFen)}（截至 {view.asOf}）
              </Text>
              {view.buckets.map((bucket) => (
                <View key={bucket.bucket} className="aging-row">
                  <View className="rate-bar__head">
                    <Text className="rate-bar__label">{bucket.label}</Text>
                    <Text className="rate-bar__percent">{formatYuan(bucket.outstandingFen)}</Text>
                  </View>
                  <AmountBar share={bucket.outstandingFen / largest} tone={tones[bucket.bucket]} />
                  <Text className="rate-bar__detail">
                    {bucket.households} 户 · {bucket.bills} 张账单
                  </Text>
                </View>
              ))}
            </View>
            {view.households.length === 0 ? (
              <EmptyState title="没有欠费住户" glyph="✓" />
            ) : (
              <CellGroup title="欠费最多的住户">
                {view.households.map((h) => (
                  <Cell
                    key={h.householdId}
                    title={h.roomCode}
                    description={`${h.bills} 张 · 最早 ${h.oldestDueDate} 到期 · ${h.bucketLabel}`}
                    extra={formatYuan(h.outstandingFen)}
                  />
                ))}
              </CellGroup>
            )}
          </>
        );
      }}
    </RemoteView>
  );
}
