import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan, type DashboardView, type Role } from '@linli/shared';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { call } from '../../services/api';
import './dashboard-panel.css';

const VIEWERS: readonly Role[] = ['admin', 'finance', 'service'];

const open = (url: string) => () => void Taro.navigateTo({ url });

/** 今日概览: this month's collection against target, arrears, open work orders, notice reads. */
export function DashboardPanel({ estateId, roles }: { estateId: string; roles: readonly Role[] }) {
  if (!roles.some((role) => VIEWERS.includes(role))) return null;
  return <DashboardFigures estateId={estateId} />;
}

function DashboardFigures({ estateId }: { estateId: string }) {
  const dashboard = useRemote(() => call('dashboard', 'overview', { estateId }), [estateId]);
  useReloadOnShow(dashboard.refresh);
  return <RemoteView remote={dashboard}>{(view) => <Figures view={view} />}</RemoteView>;
}

function Figures({ view }: { view: DashboardView }) {
  const { collection, arrears, workOrders, notices } = view;
  const overdue = arrears.buckets.filter((b) => b.bucket !== 'current');
  return (
    <View className="dashboard">
      <Text className="dashboard__title">今日概览 · {view.asOf}</Text>
      <View className="dashboard__card" onClick={open('/admin/collection/index')}>
        <View className="dashboard__row">
          <Text className="dashboard__label">{collection.period} 收缴率（按金额）</Text>
          <Text
            className={collection.onTarget ? 'dashboard__badge' : 'dashboard__badge dashboard__badge--behind'}
          >
            目标 {collection.targetPercent}%
          </Text>
        </View>
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
      </View>
      <View className="dashboard__card" onClick={open('/admin/collection/index?tab=aging')}>
        <View className="dashboard__row">
          <Text className="dashboard__label">欠费</Text>
          <Text className="dashboard__label">{arrears.households} 户</Text>
        </View>
        <Text className="dashboard__big">{formatYuan(arrears.outstandingFen)}</Text>
        {overdue.map((bucket) => (
          <View key={bucket.bucket} className="dashboard__row">
            <Text className="dashboard__note">{bucket.label}</Text>
            <Text className="dashboard__note">
              {bucket.households} 户 · {formatYuan(bucket.outstandingFen)}
            </Text>
          </View>
        ))}
      </View>
      <View className="dashboard__card" onClick={open('/admin/workorders/index')}>
        <View className="dashboard__row">
          <Text className="dashboard__label">未完成工单</Text>
          <Text
            className={workOrders.breached ? 'dashboard__badge dashboard__badge--behind' : 'dashboard__badge'}
          >
            即将超时 {workOrders.atRisk} · 已超时 {workOrders.breached}
          </Text>
        </View>
        <Text className="dashboard__big">{workOrders.open}</Text>
        <Text className="dashboard__note">
          {workOrders.byState.length
            ? workOrders.byState.map((s) => `${s.label} ${s.count}`).join(' · ')
            : '暂无未完成工单'}
        </Text>
      </View>
      {notices.length ? (
        <View className="dashboard__card" onClick={open('/admin/notices/index')}>
          <Text className="dashboard__label">通知阅读率</Text>
          {notices.map((notice) => (
            <View key={notice.noticeId} className="dashboard__row">
              <Text className="dashboard__note dashboard__ellipsis">{notice.title}</Text>
              <Text className="dashboard__note">
                {notice.readRate.percent ?? '—'}（{notice.readRate.numerator}/{notice.readRate.denominator}{' '}
                户）
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
