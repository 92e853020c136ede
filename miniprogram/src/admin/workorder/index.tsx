import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatDateTime, type WorkOrderDetail } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { RemoteView } from '../../components/remote-view';
import { RepairCharge } from '../../components/repair-charge';
import {
  AcceptanceFacts,
  CompletionFacts,
  WorkOrderFacts,
  WorkOrderHero,
} from '../../components/work-order-facts';
import { WorkOrderTimeline } from '../../components/work-order-timeline';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { workOrderPageRoles } from '../workorders/roles';
import { Candidates } from './candidates';
import { DeskActions } from './desk-actions';
import './index.css';

/** One order at the desk: who has it and why, who else could, priority, cancel. */
export default function WorkOrder() {
  const id = useRouter().params.id;
  return (
    <StaffPage allow={workOrderPageRoles.desk} pickEstate={false}>
      {() =>
        id ? (
          <OrderView orderId={decodeURIComponent(id)} />
        ) : (
          <EmptyState title="未指定工单" description="请从「报修工单」中选择一条工单。" glyph="?" />
        )
      }
    </StaffPage>
  );
}

function OrderView({ orderId }: { orderId: string }) {
  const detail = useRemote(() => call('workorder', 'detail', { orderId }), [orderId]);
  useReloadOnShow(detail.refresh);
  return <RemoteView remote={detail}>{(order) => <Detail key={order.updatedAt} first={order} />}</RemoteView>;
}

function Detail({ first }: { first: WorkOrderDetail }) {
  const [order, setOrder] = useState(first);
  const canAssign = order.actions.includes('reassign') || order.actions.includes('dispatch');
  return (
    <>
      <WorkOrderHero order={order} showSla />
      <Escalations order={order} />
      <DeskActions order={order} onChanged={setOrder} />
      <RepairCharge charge={order.charge} />
      <DispatchRecord order={order} />
      {canAssign ? <Candidates key={order.updatedAt} order={order} onAssigned={setOrder} /> : null}
      <Text className="section-title">报修信息</Text>
      <WorkOrderFacts order={order} />
      {order.priorityReasons.length ? (
        <Text className="desk__priority-why">
          优先级依据：{order.priorityReasons.join('、')}（
          {order.prioritySource === 'staff' ? '客服调整' : '系统判定'}）
        </Text>
      ) : null}
      <CompletionFacts order={order} />
      <AcceptanceFacts order={order} />
      <Text className="section-title">处理进度</Text>
      <WorkOrderTimeline entries={order.timeline} />
    </>
  );
}

/** How the current technician got the order, with the ranking's reasons in words. */
function DispatchRecord({ order }: { order: WorkOrderDetail }) {
  const dispatch = order.dispatch;
  if (!dispatch) return null;
  return (
    <View className="desk__card">
      <Text className="desk__card-title">派单记录</Text>
      <Text className="desk__meta">
        {dispatch.modeLabel} · {dispatch.byName} · {formatDateTime(dispatch.at)}
      </Text>
      <Text className="desk__summary">{dispatch.summary}</Text>
      {dispatch.reasons.map((reason, index) => (
        <Text key={reason} className={index === 0 ? 'desk__reason desk__reason--chosen' : 'desk__reason'}>
          {index + 1}. {reason}
        </Text>
      ))}
    </View>
  );
}

function Escalations({ order }: { order: WorkOrderDetail }) {
  if (order.escalations.length === 0) return null;
  return (
    <View className="desk__card desk__card--warn">
      <Text className="desk__card-title">超时提醒</Text>
      {order.escalations.map((e) => (
        <Text key={e.level} className="desk__reason">
          {formatDateTime(e.at)} {e.label}（已通知 {e.notified} 人）
        </Text>
      ))}
    </View>
  );
}
