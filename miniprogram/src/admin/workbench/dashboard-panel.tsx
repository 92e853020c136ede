import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  alarmsChart,
  arrearsChart,
  collectionChart,
  formatYuan,
  noticeReadsChart,
  surveyChart,
  workOrdersChart,
  type ChartSpec,
  type DashboardAlarms,
  type DashboardArrears,
  type DashboardCollection,
  type DashboardNotice,
  type DashboardServiceDesk,
  type DashboardSurvey,
  type DashboardView,
  type DashboardWorkOrders,
  type Role,
} from '@linli/shared';
import type { ReactNode } from 'react';
import { RemoteView } from '../../components/remote-view';
import { Chart, ChartBeside, ChartLegend } from '../components/chart';
import { useRemote } from '../../hooks/use-remote';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { call } from '../../services/api';
import './dashboard-panel.css';

export const DASHBOARD_VIEWERS: readonly Role[] = ['admin', 'finance', 'service'];

/** Open a list; a row inside a tile opens its own filter rather than the tile's. */
const go = (url: string) => (event?: { stopPropagation?: () => void }) => {
  event?.stopPropagation?.();
  void Taro.navigateTo({ url });
};

/**
 * 今日概览: each tile shows what its list shows and opens that list with the same filter. The
 * server fills only the tiles whose lists the person may open.
 */
export function DashboardPanel({ estateId, roles }: { estateId: string; roles: readonly Role[] }) {
  if (!roles.some((role) => DASHBOARD_VIEWERS.includes(role))) return null;
  return <DashboardFigures estateId={estateId} />;
}

function DashboardFigures({ estateId }: { estateId: string }) {
  const dashboard = useRemote(() => call('dashboard', 'overview', { estateId }), [estateId]);
  useReloadOnShow(dashboard.refresh);
  return <RemoteView remote={dashboard}>{(view) => <Figures view={view} />}</RemoteView>;
}

function Figures({ view }: { view: DashboardView }) {
  return (
    <View className="dashboard">
      <Text className="dashboard__title">今日概览 · {view.asOf}</Text>
      {view.collection ? <CollectionTile collection={view.collection} /> : null}
      {view.arrears ? <ArrearsTile arrears={view.arrears} /> : null}
      {view.workOrders ? <WorkOrdersTile workOrders={view.workOrders} /> : null}
      {view.alarms ? <AlarmsTile alarms={view.alarms} /> : null}
      {view.serviceDesk ? <ServiceDeskTile desk={view.serviceDesk} /> : null}
      {view.notices?.length ? <NoticesTile notices={view.notices} /> : null}
      {view.survey ? <SurveyTile survey={view.survey} /> : null}
    </View>
  );
}

function Tile({
  kind,
  url,
  label,
  badge,
  children,
}: {
  kind: string;
  url: string;
  label: string;
  badge?: { text: string; behind: boolean };
  children: ReactNode;
}) {
  return (
    <View className={`dashboard__card dashboard__card--${kind}`} onClick={go(url)}>
      <View className="dashboard__row">
        <Text className="dashboard__label">{label}</Text>
        {badge ? (
          <Text className={badge.behind ? 'dashboard__badge dashboard__badge--behind' : 'dashboard__badge'}>
            {badge.text}
          </Text>
        ) : null}
      </View>
      {children}
    </View>
  );
}

function CollectionTile({ collection }: { collection: DashboardCollection }) {
  return (
    <Tile
      kind="collection"
      url="/admin/collection/index?tab=collection"
      label={`${collection.period} 收缴率（按金额）`}
      badge={{ text: `目标 ${collection.targetPercent}%`, behind: !collection.onTarget }}
    >
      <ChartBeside chart={<Chart spec={collectionChart(collection)} height={120} />}>
        <Text
          className={
            collection.onTarget ? 'dashboard__figure' : 'dashboard__figure dashboard__figure--behind'
          }
        >
          按金额 {collection.rateByAmount.percent ?? '—'}
        </Text>
        <Text className="dashboard__figure">按户 {collection.rateByHousehold.percent ?? '—'}</Text>
        <Text className="dashboard__note">
          实收 {formatYuan(collection.paidFen)} / 应收 {formatYuan(collection.receivableFen)}
        </Text>
        <Text className="dashboard__note">
          今日结清 {collection.settledToday.bills} 笔，{formatYuan(collection.settledToday.paidFen)}
        </Text>
      </ChartBeside>
    </Tile>
  );
}

function ArrearsTile({ arrears }: { arrears: DashboardArrears }) {
  const chart = arrearsChart(arrears);
  return (
    <Tile kind="arrears" url="/admin/collection/index?tab=aging" label={`欠费 · ${arrears.households} 户`}>
      <Text className="dashboard__big dashboard__big--warn">{formatYuan(arrears.outstandingFen)}</Text>
      <Chart spec={chart} height={140} empty="没有欠费" />
      <ChartLegend
        spec={chart}
        rows={arrears.buckets.map((bucket) => ({
          label: bucket.label,
          value: `${bucket.households} 户 · ${formatYuan(bucket.outstandingFen)}`,
        }))}
      />
    </Tile>
  );
}

/** A ring of counts beside their total and one row per slice; a slice or its row opens its list. */
function RingWithCounts({
  chart,
  total,
  hot = false,
  empty,
  rows,
}: {
  chart: ChartSpec;
  total: number;
  hot?: boolean;
  empty: string;
  rows: ReadonlyArray<{ label: string; count: number; url: string }>;
}) {
  return (
    <ChartBeside
      chart={<Chart spec={chart} height={130} empty={empty} onSelect={(i) => go(rows[i]!.url)()} />}
    >
      <Text className={hot ? 'dashboard__big dashboard__big--warn' : 'dashboard__big'}>{total}</Text>
      <ChartLegend
        spec={chart}
        rows={rows.map((row) => ({ label: row.label, value: String(row.count), onOpen: go(row.url) }))}
      />
    </ChartBeside>
  );
}

const ordersUrl = (query: string) => `/admin/workorders/index?${query}`;

function WorkOrdersTile({ workOrders }: { workOrders: DashboardWorkOrders }) {
  return (
    <Tile
      kind="workorders"
      url={ordersUrl('group=open')}
      label="未完成工单"
      badge={{
        text: `即将超时 ${workOrders.atRisk} · 已超时 ${workOrders.breached}`,
        behind: workOrders.breached > 0,
      }}
    >
      <RingWithCounts
        chart={workOrdersChart(workOrders)}
        total={workOrders.open}
        empty="没有未完成工单"
        rows={workOrders.byGroup.map((g) => ({ ...g, url: ordersUrl(`group=${g.group}`) }))}
      />
      <View className="dashboard__links">
        <Text className="dashboard__link" onClick={go(ordersUrl('group=open&risk=at_risk'))}>
          即将超时 {workOrders.atRisk} ›
        </Text>
        <Text
          className="dashboard__link dashboard__link--hot"
          onClick={go(ordersUrl('group=open&risk=breached'))}
        >
          已超时 {workOrders.breached} ›
        </Text>
      </View>
    </Tile>
  );
}

function AlarmsTile({ alarms }: { alarms: DashboardAlarms }) {
  return (
    <Tile
      kind="alarms"
      url="/admin/alarms/index"
      label="设备告警（未恢复）"
      badge={{ text: `未确认 ${alarms.unacked}`, behind: alarms.unacked > 0 }}
    >
      <RingWithCounts
        chart={alarmsChart(alarms)}
        total={alarms.active}
        hot={alarms.active > 0}
        empty="没有未恢复的告警"
        rows={alarms.bySeverity.map((s) => ({ ...s, url: `/admin/alarms/index?severity=${s.severity}` }))}
      />
    </Tile>
  );
}

function ServiceDeskTile({ desk }: { desk: DashboardServiceDesk }) {
  return (
    <Tile kind="service" url="/admin/inbox/index?filter=unread" label="客服待办">
      <View className="dashboard__pair">
        <View className="dashboard__half" onClick={go('/admin/inbox/index?filter=unread')}>
          <Text
            className={desk.unreadConversations ? 'dashboard__big dashboard__big--warn' : 'dashboard__big'}
          >
            {desk.unreadConversations}
          </Text>
          <Text className="dashboard__note">未读会话 ›</Text>
        </View>
        <View className="dashboard__half" onClick={go('/admin/complaints/index?status=submitted')}>
          <Text className={desk.pendingComplaints ? 'dashboard__big dashboard__big--warn' : 'dashboard__big'}>
            {desk.pendingComplaints}
          </Text>
          <Text className="dashboard__note">待受理投诉建议 ›</Text>
        </View>
      </View>
    </Tile>
  );
}

function NoticesTile({ notices }: { notices: DashboardNotice[] }) {
  const chart = noticeReadsChart(notices);
  return (
    <Tile kind="notices" url="/admin/notices/index" label="通知阅读率（按户）">
      <Chart spec={chart} height={Math.max(90, notices.length * 34 + 30)} empty="还没有住户阅读" />
      <ChartLegend
        spec={chart}
        rows={notices.map((notice) => ({
          label: notice.title,
          value: `${notice.readRate.percent ?? '—'}（${notice.readRate.numerator}/${notice.readRate.denominator}）`,
          onOpen: go(`/admin/notice-stats/index?id=${encodeURIComponent(notice.noticeId)}`),
        }))}
      />
    </Tile>
  );
}

function SurveyTile({ survey }: { survey: DashboardSurvey }) {
  return (
    <Tile
      kind="survey"
      url={`/admin/survey-results/index?id=${encodeURIComponent(survey.surveyId)}`}
      label={`满意度 · ${survey.title}`}
      badge={{ text: survey.phaseLabel, behind: false }}
    >
      <ChartBeside chart={<Chart spec={surveyChart(survey)} height={120} />}>
        <Text className="dashboard__figure">满意度指数 {survey.overallIndex ?? '—'}</Text>
        <Text className="dashboard__note">满分 100</Text>
        <Text className="dashboard__note">
          参与率 {survey.rate.percent}%（{survey.rate.read}/{survey.rate.total} 户）
        </Text>
      </ChartBeside>
    </Tile>
  );
}
