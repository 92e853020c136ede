import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  formatDateTime,
  segmentsChart,
  type PaymentHabitsView,
  type PaymentSegment,
  type SegmentView,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { recentRanges } from '../collection/period-range';
import { RateBar } from '../collection/rate-bar';
import { Chart, ChartBeside, ChartLegend } from '../components/chart';
import { SheetExportButtons } from '../components/export-bar';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import '../collection/index.css';
import './index.css';

const WINDOWS = [
  { value: 3, label: '3 天内' },
  { value: 7, label: '7 天内' },
  { value: 15, label: '15 天内' },
];

/** 缴费习惯分群: who pays early, on time or late, what reminders change, and a strategy per segment. */
export default function PaymentHabits() {
  return (
    <StaffPage allow={staffPageRoles.billing}>
      {({ estateId }) => <Segments key={estateId} estateId={estateId} />}
    </StaffPage>
  );
}

function Segments({ estateId }: { estateId: string }) {
  const ranges = recentRanges().filter((r) => r.value !== '1');
  const [rangeKey, setRangeKey] = useState('12');
  const [withinDays, setWithinDays] = useState(7);
  const [open, setOpen] = useState<PaymentSegment | null>(null);
  const range = (ranges.find((r) => r.value === rangeKey) ?? ranges[ranges.length - 1]!).range;
  const query = { estateId, ...range, withinDays };
  const report = useRemote(
    () => call('analytics', 'habits.segments', { ...query, ...(open ? { segment: open } : {}) }),
    [estateId, range.periodFrom, range.periodTo, withinDays, open],
  );
  const change = useAction(async (action: 'habits.apply' | 'habits.reset', segment: SegmentView) => {
    if (action === 'habits.apply') {
      const { confirm } = await Taro.showModal({
        title: `应用到「${segment.label}」`,
        content: `${segment.households} 户今后按「${segment.strategy.description}」催缴。`,
      });
      if (!confirm) return;
    }
    await call('analytics', action, { ...query, segment: segment.segment });
    report.refresh();
    void Taro.showToast({ title: action === 'habits.apply' ? '已应用' : '已取消', icon: 'none' });
  });
  return (
    <>
      <View className="stats-filters">
        <ChoiceChips options={ranges} value={rangeKey} onChange={setRangeKey} />
        <Text className="stats-filters__range">
          账期 {range.periodFrom} 至 {range.periodTo}，提醒效果看提醒后
        </Text>
        <ChoiceChips options={WINDOWS} value={withinDays} onChange={setWithinDays} />
      </View>
      <RemoteView remote={report}>
        {(view) => (
          <>
            <View className="stats-card">
              <Text className="stats-card__title">
                全部住户 {view.segments.reduce((n, s) => n + s.households, 0)} 户
              </Text>
              <SegmentsOverview
                segments={view.segments}
                onOpen={(segment) => {
                  setOpen(segment);
                  void Taro.pageScrollTo({ selector: `#habit-${segment}`, duration: 200 });
                }}
              />
              <Text className="stats-card__definition">
                按统计期内已到期账单的缴费日（相对到期日）的中位数分群；提醒效果为提醒当天（未提醒的按到期日）仍未缴清的账单中，
                {view.withinDays} 天内缴清的比例。未单独设置策略的分群按小区催缴计划：
                {view.estateSchedule.description}。
              </Text>
            </View>
            {change.failure ? <MessageBlock tone="error" title={change.failure.message} /> : null}
            {view.segments.map((segment) => (
              <SegmentCard
                key={segment.segment}
                segment={segment}
                withinDays={view.withinDays}
                busy={change.pending}
                onApply={() => void change.run('habits.apply', segment)}
                onReset={() => void change.run('habits.reset', segment)}
                expanded={open === segment.segment}
                onToggle={() => setOpen(open === segment.segment ? null : segment.segment)}
                households={open === segment.segment ? view.households : []}
              />
            ))}
            <SheetExportButtons
              title="导出分群名单"
              load={(format) => call('analytics', 'export.habits', { ...query, format })}
            />
          </>
        )}
      </RemoteView>
    </>
  );
}

function SegmentCard(props: {
  segment: SegmentView;
  withinDays: number;
  busy: boolean;
  onApply: () => void;
  onReset: () => void;
  expanded: boolean;
  onToggle: () => void;
  households: PaymentHabitsView['households'];
}) {
  const { segment } = props;
  const { reminded, notReminded } = segment.effect;
  return (
    <View id={`habit-${segment.segment}`} className={`stats-card habit-card habit-card--${segment.segment}`}>
      <View className="habit-card__head">
        <Text className="stats-card__title">{segment.label}</Text>
        <Text className="habit-card__count">{segment.households} 户</Text>
      </View>
      <Text className="habit-card__rule">{segment.rule}</Text>
      <Text className="habit-card__fact">
        平均逾期 {segment.averageDaysLate === null ? '—' : `${segment.averageDaysLate} 天`}（{segment.bills}{' '}
        张账单）
      </Text>
      <RateBar
        label={`提醒后 ${props.withinDays} 天内缴清`}
        rate={reminded}
        detail={`${reminded.numerator} / ${reminded.denominator} 张`}
      />
      <RateBar
        label={`未提醒，到期后 ${props.withinDays} 天内缴清`}
        rate={notReminded}
        detail={`${notReminded.numerator} / ${notReminded.denominator} 张`}
      />
      <View className="habit-card__strategy">
        <Text className="habit-card__label">建议策略</Text>
        <Text className="habit-card__value">{segment.strategy.description}</Text>
        <Text className="habit-card__why">{segment.strategy.rationale}</Text>
        {segment.applied ? (
          <Text className="habit-card__applied">
            已应用：{segment.applied.description}（{segment.applied.households} 户，
            {segment.applied.appliedByName} {formatDateTime(segment.applied.appliedAt)}）
          </Text>
        ) : (
          <Text className="habit-card__why">当前按小区催缴计划提醒</Text>
        )}
      </View>
      <View className="habit-card__actions">
        <Button
          size="small"
          type="primary"
          disabled={props.busy || segment.households === 0}
          onClick={props.onApply}
        >
          {segment.applied ? '重新应用' : '一键应用'}
        </Button>
        {segment.applied ? (
          <Button size="small" fill="outline" disabled={props.busy} onClick={props.onReset}>
            取消策略
          </Button>
        ) : null}
        {segment.households > 0 ? (
          <Button size="small" fill="none" onClick={props.onToggle}>
            {props.expanded ? '收起住户' : '查看住户'}
          </Button>
        ) : null}
      </View>
      {props.expanded
        ? props.households.map((h) => (
            <Text key={h.householdId} className="habit-card__household">
              {h.roomCode} · {h.bills} 张账单，逾期 {h.lateBills} 张
              {h.medianDaysLate === null ? '' : `，中位 ${h.medianDaysLate} 天`}
              {h.openOverdueDays > 0 ? `，欠费已 ${h.openOverdueDays} 天` : ''}
            </Text>
          ))
        : null}
    </View>
  );
}

/** Households per segment: a ring, and the segments written out beside it (tap one to list it). */
function SegmentsOverview({
  segments,
  onOpen,
}: {
  segments: readonly SegmentView[];
  onOpen: (segment: PaymentSegment) => void;
}) {
  const chart = segmentsChart(segments);
  return (
    <ChartBeside
      chart={
        <Chart spec={chart} height={130} empty="暂无住户" onSelect={(i) => onOpen(segments[i]!.segment)} />
      }
    >
      <ChartLegend
        spec={chart}
        rows={segments.map((s) => ({
          label: s.label,
          value: `${s.households} 户`,
          onOpen: s.households > 0 ? () => onOpen(s.segment) : undefined,
        }))}
      />
    </ChartBeside>
  );
}
