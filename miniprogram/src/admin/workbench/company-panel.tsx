import { Text, View } from '@tarojs/components';
import {
  companyCollectionChart,
  formatYuan,
  type CompanyEstateRow,
  type CompanyView,
  type Role,
} from '@linli/shared';
import { RemoteView } from '../../components/remote-view';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { Chart } from '../components/chart';
import { DASHBOARD_VIEWERS } from './dashboard-panel';
import './company-panel.css';

/**
 * 公司总览 for staff serving several estates: totals and one row per estate; tapping a row opens
 * that estate's 工作台 below. The server lists only estates the person serves.
 */
export function CompanyPanel({
  roles,
  estateCount,
  current,
  onOpen,
}: {
  roles: readonly Role[];
  estateCount: number;
  current: string;
  onOpen: (estateId: string) => void;
}) {
  if (estateCount < 2 || !roles.some((role) => DASHBOARD_VIEWERS.includes(role))) return null;
  return <CompanyFigures current={current} onOpen={onOpen} />;
}

function CompanyFigures({ current, onOpen }: { current: string; onOpen: (estateId: string) => void }) {
  const company = useRemote(() => call('dashboard', 'company', {}), []);
  useReloadOnShow(company.refresh);
  return (
    <RemoteView remote={company}>
      {(view) => <CompanyTable view={view} current={current} onOpen={onOpen} />}
    </RemoteView>
  );
}

type Figures = Pick<CompanyEstateRow, 'arrears' | 'openOrders' | 'activeAlarms'> & {
  collection: { rateByAmount: { percent: string | null } } | null;
};

/** The columns a person may see: a column is left out when every row has it withheld. */
function Cells({
  row,
  show,
}: {
  row: Figures;
  show: Record<'collection' | 'arrears' | 'orders' | 'alarms', boolean>;
}) {
  return (
    <>
      {show.collection ? (
        <Text className="company__cell">{row.collection?.rateByAmount.percent ?? '—'}</Text>
      ) : null}
      {show.arrears ? (
        <Text className="company__cell company__cell--wide">
          {row.arrears ? formatYuan(row.arrears.outstandingFen) : '—'}
        </Text>
      ) : null}
      {show.orders ? <Text className="company__cell">{row.openOrders ?? '—'}</Text> : null}
      {show.alarms ? (
        <Text className={row.activeAlarms ? 'company__cell company__cell--hot' : 'company__cell'}>
          {row.activeAlarms ?? '—'}
        </Text>
      ) : null}
    </>
  );
}

function CompanyTable({
  view,
  current,
  onOpen,
}: {
  view: CompanyView;
  current: string;
  onOpen: (estateId: string) => void;
}) {
  const { totals } = view;
  const show = {
    collection: totals.collection !== null,
    arrears: totals.arrears !== null,
    orders: totals.openOrders !== null,
    alarms: totals.activeAlarms !== null,
  };
  return (
    <View className="company">
      <Text className="company__title">
        {view.companyWide ? '全公司概览' : '所负责小区概览'} · {view.estates.length} 个小区 ·
        点按小区查看其工作台
      </Text>
      <View className="company__row company__row--head">
        <Text className="company__name">小区</Text>
        {show.collection ? <Text className="company__cell">收缴率</Text> : null}
        {show.arrears ? <Text className="company__cell company__cell--wide">欠费</Text> : null}
        {show.orders ? <Text className="company__cell">工单</Text> : null}
        {show.alarms ? <Text className="company__cell">告警</Text> : null}
      </View>
      {view.estates.map((row) => (
        <View
          key={row.estateId}
          className={row.estateId === current ? 'company__row company__row--on' : 'company__row'}
          onClick={() => onOpen(row.estateId)}
        >
          <Text className="company__name">{row.estateName}</Text>
          <Cells row={row} show={show} />
        </View>
      ))}
      <View className="company__row company__row--total">
        <Text className="company__name">合计</Text>
        <Cells row={totals} show={show} />
      </View>
      {show.collection ? <EstatesChart estates={view.estates} onOpen={onOpen} /> : null}
    </View>
  );
}

/**
 * Each estate's rate as a column; tapping one opens that estate's 工作台 like its row does.
 * Left out while no estate has anything billed this month.
 */
function EstatesChart({
  estates,
  onOpen,
}: {
  estates: readonly CompanyEstateRow[];
  onOpen: (estateId: string) => void;
}) {
  const chart = companyCollectionChart(estates);
  if (chart.categories.length === 0) return null;
  return (
    <>
      <Text className="company__title company__title--chart">各小区本月收缴率（按金额）</Text>
      <Chart spec={chart} height={150} onSelect={(i) => chart.keys?.[i] && onOpen(chart.keys[i])} />
    </>
  );
}
