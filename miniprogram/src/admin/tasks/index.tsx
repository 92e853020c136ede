import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { WorkOrderSummary } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { SegmentTabs } from '../../components/segment-tabs';
import { WorkOrderCard } from '../../components/work-order-card';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call, messageOf } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { workOrderPageRoles } from '../workorders/roles';
import './index.css';

type Tab = 'open' | 'pool' | 'finished';

const tabs = [
  { value: 'open', label: '我的工单' },
  { value: 'pool', label: '抢单池' },
  { value: 'finished', label: '已完成' },
] as const;

const emptyText: Record<Tab, { title: string; description: string }> = {
  open: { title: '暂无待处理的工单', description: '派给您的工单会按紧急程度排在这里。' },
  pool: { title: '抢单池暂无工单', description: '等待接单、且您有相应技能的工单会出现在这里。' },
  finished: { title: '暂无已完成的工单', description: '完工的工单会按时间倒序排在这里。' },
};

const taskUrl = (orderId: string) => `/admin/task/index?id=${encodeURIComponent(orderId)}`;

/** The technician's day: their orders by urgency, the pool to grab from, what they finished. */
export default function Tasks() {
  const [tab, setTab] = useState<Tab>('open');
  return (
    <StaffPage allow={workOrderPageRoles.tasks} pickEstate={false}>
      {() => (
        <>
          <SegmentTabs options={tabs} value={tab} onChange={setTab} />
          <TaskList key={tab} tab={tab} />
        </>
      )}
    </StaffPage>
  );
}

function TaskList({ tab }: { tab: Tab }) {
  const list = useRemote(
    () => (tab === 'pool' ? call('workorder', 'pool', {}) : call('workorder', 'queue', { scope: tab })),
    [tab],
  );
  useReloadOnShow(list.refresh);
  return (
    <RemoteView remote={list}>
      {({ items }) =>
        items.length === 0 ? (
          <EmptyState {...emptyText[tab]} glyph="⚒" />
        ) : (
          <>
            <Text className="section-title">{summaryOf(tab, items)}</Text>
            {items.map((order) =>
              tab === 'pool' ? (
                <PoolCard key={order.orderId} order={order} onGone={list.refresh} />
              ) : (
                <WorkOrderCard key={order.orderId} order={order} url={taskUrl(order.orderId)} showSla />
              ),
            )}
          </>
        )
      }
    </RemoteView>
  );
}

function summaryOf(tab: Tab, items: WorkOrderSummary[]): string {
  if (tab === 'finished') return `最近完成 ${items.length} 单`;
  const urgent = items.filter((o) => o.priority === 'urgent').length;
  const late = items.filter((o) => o.sla && o.sla.status !== 'on_track').length;
  const head = tab === 'pool' ? `可抢 ${items.length} 单` : `待处理 ${items.length} 单`;
  return [head, urgent ? `紧急 ${urgent} 单` : '', late ? `临近或超过时限 ${late} 单` : '']
    .filter(Boolean)
    .join(' · ');
}

/** Exactly one technician wins a grab; the others are told it is gone. */
function PoolCard({ order, onGone }: { order: WorkOrderSummary; onGone: () => void }) {
  const [grabbing, setGrabbing] = useState(false);
  const grab = async () => {
    setGrabbing(true);
    try {
      const taken = await call('workorder', 'grab', { orderId: order.orderId });
      void Taro.showToast({ title: '抢单成功', icon: 'success' });
      void Taro.navigateTo({ url: taskUrl(taken.orderId) });
    } catch (error) {
      void Taro.showModal({ title: '未抢到', content: messageOf(error), showCancel: false });
      onGone();
    } finally {
      setGrabbing(false);
    }
  };
  return (
    <WorkOrderCard order={order} url={taskUrl(order.orderId)} showSla>
      <View className="tasks__grab">
        <Button size="small" type="primary" disabled={grabbing} onClick={() => void grab()}>
          {grabbing ? '抢单中…' : '抢单'}
        </Button>
      </View>
    </WorkOrderCard>
  );
}
