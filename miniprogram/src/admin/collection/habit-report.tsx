import { Text, View } from '@tarojs/components';
import { habitsChart } from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { Cell, CellGroup } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { Chart, ChartBeside, ChartLegend } from '../components/chart';
import { PageLink } from '../components/page-link';
import type { PeriodRange } from './period-range';

/** 缴费习惯: who pays early, on time or late (and how late), to plan reminders and calls. */
export function HabitReport({ estateId, range }: { estateId: string; range: PeriodRange }) {
  const report = useRemote(
    () => call('billing', 'stats.habits', { estateId, ...range, limit: 30 }),
    [estateId, range.periodFrom, range.periodTo],
  );
  return (
    <RemoteView remote={report}>
      {(view) => {
        const chart = habitsChart(view.summary);
        return (
          <>
            <PageLink url="/admin/payment-habits/index" label="分群、提醒效果与建议催缴策略" />
            <View className="stats-card">
              <Text className="stats-card__title">住户缴费习惯（截至 {view.asOf}）</Text>
              <ChartBeside chart={<Chart spec={chart} height={130} empty="暂无住户" />}>
                <ChartLegend
                  spec={chart}
                  rows={view.summary.map((s) => ({ label: s.label, value: `${s.households} 户` }))}
                />
              </ChartBeside>
            </View>
            {view.households.length === 0 ? (
              <EmptyState title="暂无缴费记录" glyph="○" />
            ) : (
              <CellGroup title="逾期较多的住户">
                {view.households.map((h) => (
                  <Cell
                    key={h.householdId}
                    title={`${h.roomCode} · ${h.habitLabel}`}
                    description={`${h.billsCounted} 张账单，逾期 ${h.lateBills} 张${h.howLate ? ` · ${h.howLate}` : ''}`}
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
