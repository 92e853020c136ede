import { Text, View } from '@tarojs/components';
import { EmptyState } from '../../components/empty-state';
import { Cell, CellGroup } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { PageLink } from '../components/page-link';
import type { PeriodRange } from './period-range';
import { AmountBar } from './rate-bar';

const tones = { early: 'green', on_time: 'green', late: 'red', no_history: 'amber' } as const;

/** 缴费习惯: who pays early, on time or late (and how late), to plan reminders and calls. */
export function HabitReport({ estateId, range }: { estateId: string; range: PeriodRange }) {
  const report = useRemote(
    () => call('billing', 'stats.habits', { estateId, ...range, limit: 30 }),
    [estateId, range.periodFrom, range.periodTo],
  );
  return (
    <RemoteView remote={report}>
      {(view) => {
        const total = Math.max(
          1,
          view.summary.reduce((sum, s) => sum + s.households, 0),
        );
        return (
          <>
            <PageLink url="/admin/payment-habits/index" label="分群、提醒效果与建议催缴策略" />
            <View className="stats-card">
              <Text className="stats-card__title">住户缴费习惯（截至 {view.asOf}）</Text>
              {view.summary.map((s) => (
                <View key={s.habit} className="aging-row">
                  <View className="rate-bar__head">
                    <Text className="rate-bar__label">{s.label}</Text>
                    <Text className="rate-bar__percent">{s.households} 户</Text>
                  </View>
                  <AmountBar share={s.households / total} tone={tones[s.habit]} />
                </View>
              ))}
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
