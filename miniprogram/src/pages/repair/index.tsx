import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MyWorkOrder } from '@linli/shared';
import { useState } from 'react';
import { BindNotice } from '../../components/bind-notice';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { ScanDeviceButton } from '../../components/scan-device';
import { Screen } from '../../components/screen';
import { SegmentTabs } from '../../components/segment-tabs';
import { WorkOrderCard } from '../../components/work-order-card';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import './index.css';
import { useMorePages } from '../../hooks/use-more-pages';

type Scope = 'open' | 'finished' | 'all';

const scopes = [
  { value: 'open', label: '进行中' },
  { value: 'finished', label: '已结束' },
  { value: 'all', label: '全部' },
] as const;

const emptyText: Record<Scope, string> = {
  open: '暂无进行中的报修',
  finished: '暂无已结束的报修',
  all: '暂无报修记录',
};

/** 报修 tab: report a repair, and follow each one of the household's orders. */
export default function Repair() {
  const me = useRemote(() => call('account', 'me', {}), []);
  useReloadOnShow(me.refresh);
  return (
    <Screen>
      <RemoteView remote={me}>
        {(account) => (account.households.length ? <MyOrders /> : <BindNotice />)}
      </RemoteView>
    </Screen>
  );
}

function MyOrders() {
  const [scope, setScope] = useState<Scope>('open');
  return (
    <>
      <View className="repair__intro">
        <View>
          <Text className="repair__title">家中报修</Text>
          <Text className="repair__hint">水电、门窗、公共设施故障，物业派师傅上门</Text>
        </View>
        <View className="repair__actions">
          <Button
            type="primary"
            size="small"
            onClick={() => void Taro.navigateTo({ url: '/pages/repair-report/index' })}
          >
            我要报修
          </Button>
          {/* A public device's QR label opens the form with the device filled in. */}
          <ScanDeviceButton label="扫码报修" />
        </View>
      </View>
      <SegmentTabs options={scopes} value={scope} onChange={setScope} />
      <OrderList key={scope} scope={scope} />
    </>
  );
}

interface Page {
  items: MyWorkOrder[];
  next?: string;
}

function OrderList({ scope }: { scope: Scope }) {
  const first = useRemote(() => call('workorder', 'mine', { scope }), [scope]);
  // A report, a cancel or an acceptance on another page shows up when the tab comes back.
  useReloadOnShow(first.refresh);
  return (
    <RemoteView remote={first}>
      {(page) => (
        <Pages key={page.items.map((o) => `${o.orderId}:${o.updatedAt}`).join()} first={page} scope={scope} />
      )}
    </RemoteView>
  );
}

function Pages({ first, scope }: { first: Page; scope: Scope }) {
  const { pages, next, loading, loadMore } = useMorePages(first, (after) =>
    call('workorder', 'mine', { scope, after }),
  );
  const orders = pages.flatMap((p) => p.items);

  if (orders.length === 0)
    return (
      <EmptyState
        title={emptyText[scope]}
        description="提交的报修会显示在这里，可查看处理进度、上门师傅和维修结果。"
        glyph="⚒"
      />
    );
  return (
    <View>
      {orders.map((order) => (
        <WorkOrderCard
          key={order.orderId}
          order={order}
          url={`/pages/repair-detail/index?id=${encodeURIComponent(order.orderId)}`}
        >
          <LatestStep order={order} />
        </WorkOrderCard>
      ))}
      {next ? (
        <Button block fill="outline" disabled={loading} onClick={() => void loadMore()}>
          {loading ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  );
}

/** The newest step of the timeline, so the list answers "where is my repair" at a glance. */
function LatestStep({ order }: { order: MyWorkOrder }) {
  const latest = order.timeline.reduce<MyWorkOrder['timeline'][number] | null>(
    (best, entry) => (best === null || entry.seq > best.seq ? entry : best),
    null,
  );
  if (!latest) return null;
  return <Text className="repair__latest">最新进展：{latest.label}</Text>;
}
