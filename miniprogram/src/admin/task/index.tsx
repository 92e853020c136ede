import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { WorkOrderDetail } from '@linli/shared';
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
import { KnowledgeSuggestions } from './knowledge-suggestions';
import { TechActions } from './tech-actions';
import './index.css';

/** One order in the technician's hands: the next step, similar past fixes, the completion report. */
export default function Task() {
  const id = useRouter().params.id;
  return (
    <StaffPage allow={workOrderPageRoles.tasks} pickEstate={false}>
      {() =>
        id ? (
          <TaskView orderId={decodeURIComponent(id)} />
        ) : (
          <EmptyState title="未指定工单" description="请从「我的工单」中选择一条工单。" glyph="?" />
        )
      }
    </StaffPage>
  );
}

function TaskView({ orderId }: { orderId: string }) {
  const detail = useRemote(() => call('workorder', 'detail', { orderId }), [orderId]);
  useReloadOnShow(detail.refresh);
  return <RemoteView remote={detail}>{(order) => <Detail key={order.updatedAt} first={order} />}</RemoteView>;
}

function Detail({ first }: { first: WorkOrderDetail }) {
  const [order, setOrder] = useState(first);
  const [draft, setDraft] = useState<{ cause: string; fix: string } | null>(null);
  return (
    <>
      <WorkOrderHero order={order} showSla />
      <TechActions order={order} onChanged={setOrder} draft={draft} />
      <RepairCharge charge={order.charge} />
      <KnowledgeSuggestions
        order={order}
        onUse={
          order.actions.includes('complete') ? (hit) => setDraft({ cause: hit.cause, fix: hit.fix }) : null
        }
      />
      <Text className="section-title">报修信息</Text>
      <WorkOrderFacts order={order} />
      <CompletionFacts order={order} />
      <AcceptanceFacts order={order} />
      <Text className="section-title">处理进度</Text>
      <WorkOrderTimeline entries={order.timeline} />
    </>
  );
}
