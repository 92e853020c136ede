import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  addDays,
  fen,
  formatYuan,
  frequencyChart,
  toLocalDate,
  type FrequencyRow,
  type RepairFrequencyView,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { RemoteView } from '../../components/remote-view';
import { SegmentTabs } from '../../components/segment-tabs';
import { StatGrid, StatTile } from '../../components/stat-tile';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { Chart } from '../components/chart';
import { SheetExportButtons } from '../components/export-bar';
import { StaffPage } from '../components/staff-page';
import { facilityPageRoles } from '../devices/roles';
import '../devices/facility.css';
import './index.css';

const WINDOWS = [
  { value: 30, label: '近 30 天' },
  { value: 90, label: '近 90 天' },
  { value: 180, label: '近半年' },
  { value: 365, label: '近一年' },
];

type Dimension = 'byDevice' | 'byCategory' | 'byLocation';

/** 报修频次: repairs by device, category and location; devices over the rule join the renewal plan. */
export default function RepairFrequency() {
  return (
    <StaffPage allow={facilityPageRoles.lifecycle}>
      {({ estateId }) => <Report key={estateId} estateId={estateId} />}
    </StaffPage>
  );
}

function Report({ estateId }: { estateId: string }) {
  const [days, setDays] = useState(90);
  const [dimension, setDimension] = useState<Dimension>('byDevice');
  const to = toLocalDate(Date.now());
  const window = { estateId, from: addDays(to, -(days - 1)), to };
  const report = useRemote(() => call('analytics', 'repairs.frequency', window), [estateId, days, to]);
  return (
    <>
      <ChoiceChips options={WINDOWS} value={days} onChange={setDays} />
      <RemoteView remote={report}>
        {(r: RepairFrequencyView) => (
          <>
            <Text className="repair-note">
              {r.from} 至 {r.to}（不含取消的工单和计划保养）
            </Text>
            <StatGrid>
              <StatTile label="报修" value={r.total} unit="次" />
              <StatTile label={`${r.rules.repeatWithinDays} 天内重复报修`} value={r.repeats} unit="次" />
              <StatTile
                label="需关注设备"
                value={r.byDevice.filter((d) => d.flags.length > 0).length}
                unit="台"
              />
            </StatGrid>
            <Text className="repair-note">
              更新规则：近 {r.rules.windowDays} 天报修超过 {r.rules.maxRepairs} 次，或累计维修费达到购置价的{' '}
              {r.rules.costSharePercent}%，列入设备寿命分析的更新改造计划。
            </Text>
            <SegmentTabs
              options={[
                { value: 'byDevice' as const, label: '按设备' },
                { value: 'byCategory' as const, label: '按类别' },
                { value: 'byLocation' as const, label: '按位置' },
              ]}
              value={dimension}
              onChange={setDimension}
            />
            {r[dimension].length === 0 ? (
              <Text className="repair-note">这段时间没有报修</Text>
            ) : (
              <>
                <MostRepaired rows={r[dimension]} />
                {r[dimension].map((row) => (
                  <FrequencyCard key={row.key} row={row} device={dimension === 'byDevice'} />
                ))}
              </>
            )}
            <SheetExportButtons
              title="导出报修频次"
              load={(format) => call('analytics', 'export.repairs', { ...window, format })}
            />
            <Text
              className="fac-card__link"
              onClick={() => void Taro.navigateTo({ url: '/admin/lifecycle/index' })}
            >
              查看更新改造计划 ›
            </Text>
          </>
        )}
      </RemoteView>
    </>
  );
}

/** The rows repaired most often as bars, one 30 px band each. */
function MostRepaired({ rows }: { rows: readonly FrequencyRow[] }) {
  const chart = frequencyChart(rows);
  return (
    <View className="repair-chart">
      <Text className="repair-chart__title">报修最多的 {chart.categories.length} 项</Text>
      <Chart spec={chart} height={chart.categories.length * 30 + 40} />
    </View>
  );
}

function FrequencyCard({ row, device }: { row: FrequencyRow; device: boolean }) {
  const tone = row.flags.length ? 'bad' : row.repeats ? 'warn' : 'info';
  return (
    <View
      className={`fac-card fac-card--${tone}`}
      onClick={
        device
          ? () => void Taro.navigateTo({ url: `/admin/device/index?id=${encodeURIComponent(row.key)}` })
          : undefined
      }
    >
      <View className="fac-card__head">
        <Text className="fac-card__title">{row.label}</Text>
        <Text className="fac-card__code">{row.count} 次</Text>
      </View>
      <Text className="fac-card__meta">
        重复报修 {row.repeats} 次 · 平均 {row.mtbfDays ?? '—'} 天一次
        {row.costFen === null ? '' : ` · 维修费 ${formatYuan(fen(row.costFen))}`}
      </Text>
      {row.flags.map((flag) => (
        <Text key={flag} className="fac-card__flag">
          ⚠ {flag}
        </Text>
      ))}
    </View>
  );
}
