import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { isOpenState, type WorkOrderDetail } from '@linli/shared';
import { useState } from 'react';
import { BackRow } from '../../components/back-row';
import { EmptyState } from '../../components/empty-state';
import { RemoteView } from '../../components/remote-view';
import { RepairCharge } from '../../components/repair-charge';
import { Screen } from '../../components/screen';
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
import { OwnerActions } from './owner-actions';
import { SubscribePrompt } from './subscribe-prompt';
import './index.css';

/** One of the household's orders: its progress, the technician, the result, and what to do next. */
export default function RepairDetail() {
  const { id, new: fresh } = useRouter().params;
  return (
    <Screen>
      <BackRow label="返回报修" fallbackUrl="/pages/repair/index" fallbackIsTab />
      {id ? (
        <OrderView orderId={decodeURIComponent(id)} justReported={fresh === '1'} />
      ) : (
        <EmptyState title="未指定报修单" description="请从「报修」列表中选择一条报修。" glyph="?" />
      )}
    </Screen>
  );
}

function OrderView({ orderId, justReported }: { orderId: string; justReported: boolean }) {
  const detail = useRemote(() => call('workorder', 'detail', { orderId }), [orderId]);
  useReloadOnShow(detail.refresh);
  return (
    <RemoteView remote={detail}>
      {(order) => <Detail key={order.updatedAt} first={order} justReported={justReported} />}
    </RemoteView>
  );
}

function Detail({ first, justReported }: { first: WorkOrderDetail; justReported: boolean }) {
  // Each action answers with the order as it now stands.
  const [order, setOrder] = useState(first);
  return (
    <>
      {/* Opened again later (a reload keeps `new=1`), a finished order needs no such banner. */}
      {justReported && isOpenState(order.state) ? <SubscribePrompt order={order} /> : null}
      <WorkOrderHero order={order} />
      <OwnerActions order={order} onChanged={setOrder} />
      <RepairCharge charge={order.charge?.quotes.length ? order.charge : null} />
      <Text className="section-title">处理进度</Text>
      <WorkOrderTimeline entries={order.timeline} />
      <AcceptanceFacts order={order} />
      <CompletionFacts order={order} />
      <Text className="section-title">报修信息</Text>
      <WorkOrderFacts order={order} />
      <View className="repair-detail__foot" />
    </>
  );
}
