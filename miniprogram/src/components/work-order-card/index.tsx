import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type WorkOrderSummary } from '@linli/shared';
import type { ReactNode } from 'react';
import { PriorityTag, SlaBadge, StateTag } from '../work-order-tags';
import './index.css';

interface WorkOrderCardProps {
  order: WorkOrderSummary;
  /** The page the card opens. */
  url: string;
  /** Staff see the SLA badge and who holds the order; owners see who is coming. */
  showSla?: boolean;
  /** Buttons under the facts (抢单, say). */
  children?: ReactNode;
}

/** One order in a list: what, where, how urgent, where it stands. */
export function WorkOrderCard({ order, url, showSla = false, children }: WorkOrderCardProps) {
  return (
    <View className="wo-card">
      <View className="wo-card__body" onClick={() => void Taro.navigateTo({ url })}>
        <View className="wo-card__head">
          <Text className="wo-card__subject">{order.subject}</Text>
          <StateTag state={order.state} label={order.stateLabel} />
        </View>
        <View className="wo-card__tags">
          {order.priority === 'urgent' || order.priority === 'high' ? (
            <PriorityTag priority={order.priority} label={order.priorityLabel} />
          ) : null}
          {showSla ? <SlaBadge sla={order.sla} /> : null}
          <Text className="wo-card__category">{order.categoryLabel}</Text>
        </View>
        <Text className="wo-card__fact">位置：{order.locationLabel}</Text>
        {order.assigneeName ? <Text className="wo-card__fact">维修师傅：{order.assigneeName}</Text> : null}
        {order.preferredTimeLabel ? (
          <Text className="wo-card__fact">期望上门：{order.preferredTimeLabel}</Text>
        ) : null}
        <Text className="wo-card__meta">
          {order.orderNo} · {formatDateTime(order.createdAt)} 报修
        </Text>
      </View>
      {children ? <View className="wo-card__actions">{children}</View> : null}
    </View>
  );
}
