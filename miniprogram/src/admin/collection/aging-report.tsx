import { Text, View } from '@tarojs/components';
import { arrearsChart, formatYuan } from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { Cell, CellGroup } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { Chart, ChartLegend } from '../components/chart';

/** 账龄: how long the open amounts have been overdue, and who owes most. */
export function AgingReport({ estateId }: { estateId: string }) {
  const report = useRemote(() => call('billing', 'stats.aging', { estateId, limit: 20 }), [estateId]);
  return (
    <RemoteView remote={report}>
      {(view) => {
        const chart = arrearsChart({ outstandingFen: view.totalOutstandingFen, buckets: view.buckets });
        return (
          <>
            <View className="stats-card">
              <Text className="stats-card__title">
                欠费合计 {formatYuan(view.totalOutstandingFen)}（截至 {view.asOf}）
              </Text>
              <Chart spec={chart} height={150} empty="没有欠费" />
              <ChartLegend
                spec={chart}
                rows={view.buckets.map((bucket) => ({
                  label: bucket.label,
                  value: `${bucket.households} 户 · ${bucket.bills} 张 · ${formatYuan(bucket.outstandingFen)}`,
                }))}
              />
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
