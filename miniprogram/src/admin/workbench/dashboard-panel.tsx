import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  formatYuan,
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

/** One bar of a tile's chart: its share of `max`, and the figure; tapping opens that filter. */
function BarRow({
  label,
  value,
  share,
  url,
  hot = false,
}: {
  label: string;
  value: string;
  share: number;
  url?: string;
  hot?: boolean;
}) {
  const width = `${Math.round(Math.min(1, Math.max(0, share)) * 100)}%`;
  return (
    <View className="dashboard__bar-row" onClick={url ? go(url) : undefined}>
      <Text className="dashboard__bar-label">{label}</Text>
      <View className="dashboard__bar dashboard__bar--row">
        <View
          className={hot ? 'dashboard__bar-fill dashboard__bar-fill--hot' : 'dashboard__bar-fill'}
          style={{ width }}
        />
      </View>
      <Text className="dashboard__bar-value">
        {value}
        {url ? ' ›' : ''}
      </Text>
    </View>
  );
}

const shareOf = (count: number, max: number) => (max > 0 ? count / max : 0);

/** A bar chart of counts, each bar against the largest. */
function CountBars({
  bars,
}: {
  bars: Array<{ key: string; label: string; count: number; url: string; hot?: boolean }>;
}) {
  const max = Math.max(0, ...bars.map((b) => b.count));
  return (
    <>
      {bars.map((bar) => (
        <BarRow
          key={bar.key}
          label={bar.label}
          value={String(bar.count)}
          share={shareOf(bar.count, max)}
          url={bar.url}
          hot={bar.hot}
        />
      ))}
    </>
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
      <Text className="dashboard__big">{collection.rateByAmount.percent ?? '—'}</Text>
      <View className="dashboard__bar">
        <View className="dashboard__bar-fill" style={{ width: collection.rateByAmount.percent ?? '0%' }} />
        <View className="dashboard__bar-target" style={{ left: `${collection.targetPercent}%` }} />
      </View>
      <Text className="dashboard__note">
        实收 {formatYuan(collection.paidFen)} / 应收 {formatYuan(collection.receivableFen)} · 按户{' '}
        {collection.rateByHousehold.percent ?? '—'}
      </Text>
      <Text className="dashboard__note">
        今日结清 {collection.settledToday.bills} 笔，{formatYuan(collection.settledToday.paidFen)}
      </Text>
    </Tile>
  );
}

function ArrearsTile({ arrears }: { arrears: DashboardArrears }) {
  const max = Math.max(0, ...arrears.buckets.map((b) => b.outstandingFen));
  return (
    <Tile kind="arrears" url="/admin/collection/index?tab=aging" label={`欠费 · ${arrears.households} 户`}>
      <Text className="dashboard__big dashboard__big--warn">{formatYuan(arrears.outstandingFen)}</Text>
      {arrears.buckets.map((bucket) => (
        <BarRow
          key={bucket.bucket}
          label={bucket.label}
          value={`${bucket.households} 户 · ${formatYuan(bucket.outstandingFen)}`}
          share={shareOf(bucket.outstandingFen, max)}
          hot={bucket.bucket !== 'current'}
        />
      ))}
    </Tile>
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
      <Text className="dashboard__big">{workOrders.open}</Text>
      <CountBars
        bars={workOrders.byGroup.map((g) => ({ ...g, key: g.group, url: ordersUrl(`group=${g.group}`) }))}
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
      <Text className={alarms.active ? 'dashboard__big dashboard__big--warn' : 'dashboard__big'}>
        {alarms.active}
      </Text>
      <CountBars
        bars={alarms.bySeverity.map((s) => ({
          ...s,
          key: s.severity,
          url: `/admin/alarms/index?severity=${s.severity}`,
          hot: s.severity === 'critical' || s.severity === 'major',
        }))}
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
  return (
    <Tile kind="notices" url="/admin/notices/index" label="通知阅读率（按户）">
      {notices.map((notice) => (
        <BarRow
          key={notice.noticeId}
          label={notice.title}
          value={`${notice.readRate.percent ?? '—'}（${notice.readRate.numerator}/${notice.readRate.denominator}）`}
          share={shareOf(notice.readRate.numerator, notice.readRate.denominator)}
          url={`/admin/notice-stats/index?id=${encodeURIComponent(notice.noticeId)}`}
        />
      ))}
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
      <Text className="dashboard__big">{survey.overallIndex ?? '—'}</Text>
      <Text className="dashboard__note">满意度指数（0–100）</Text>
      <BarRow
        label="参与率"
        value={`${survey.rate.percent}%（${survey.rate.read}/${survey.rate.total} 户）`}
        share={shareOf(survey.rate.read, survey.rate.total)}
      />
    </Tile>
  );
}
