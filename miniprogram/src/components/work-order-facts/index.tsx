import { Text, View } from '@tarojs/components';
import { formatDateTime, type WorkOrderDetail } from '@linli/shared';
import { PhotoGrid } from '../photo-grid';
import { StarRating } from '../star-rating';
import { PriorityTag, SlaBadge, StateTag } from '../work-order-tags';
import './index.css';

/** The order's headline: what, its number, where it stands. */
export function WorkOrderHero({ order, showSla = false }: { order: WorkOrderDetail; showSla?: boolean }) {
  return (
    <View className="wo-hero">
      <View className="wo-hero__head">
        <Text className="wo-hero__subject">{order.subject}</Text>
        <StateTag state={order.state} label={order.stateLabel} />
      </View>
      <View className="wo-hero__tags">
        <PriorityTag priority={order.priority} label={order.priorityLabel} />
        {showSla ? <SlaBadge sla={order.sla} /> : null}
        <Text className="wo-hero__no">工单号 {order.orderNo}</Text>
      </View>
      {showSla && order.sla?.dueAt ? (
        <Text className="wo-hero__due">
          {order.sla.clockLabel}时限 {formatDateTime(order.sla.dueAt)}
        </Text>
      ) : null}
    </View>
  );
}

/** What was reported, where, and by whom. */
export function WorkOrderFacts({ order }: { order: WorkOrderDetail }) {
  return (
    <View className="wo-facts__card">
      <Text className="wo-facts__text">{order.description}</Text>
      <PhotoGrid photos={order.photos} />
      <View className="wo-facts__rows">
        <Fact label="报修类别" value={order.categoryLabel} />
        <Fact label="位置" value={order.locationLabel} />
        {order.deviceModel ? <Fact label="设备型号" value={order.deviceModel} /> : null}
        <Fact label="期望上门" value={order.preferredTimeLabel ?? '尽快上门'} />
        <Fact label="维修师傅" value={order.assigneeName ?? '等待派单'} />
        <Fact label="报修人" value={order.reporterName} />
        {order.contactPhone ? <Fact label="联系电话" value={order.contactPhone} /> : null}
        <Fact label="报修渠道" value={order.sourceLabel} />
        <Fact label="报修时间" value={formatDateTime(order.createdAt)} />
        {order.reopenCount > 0 ? <Fact label="返修次数" value={`${order.reopenCount} 次`} /> : null}
      </View>
    </View>
  );
}

/** The technician's report: cause, what was done, parts, photos. */
export function CompletionFacts({ order }: { order: WorkOrderDetail }) {
  const completion = order.completion;
  if (!completion) return null;
  return (
    <View className="wo-facts__card">
      <Text className="wo-facts__card-title">维修结果</Text>
      <Fact label="故障原因" value={completion.cause} />
      <Fact label="处理措施" value={completion.actionsTaken} />
      <Fact
        label="更换配件"
        value={
          completion.parts.length
            ? completion.parts.map((p) => `${p.name} × ${p.quantity}`).join('、')
            : '未更换配件'
        }
      />
      <Fact label="完工时间" value={`${formatDateTime(completion.at)} · ${completion.technicianName}`} />
      <PhotoGrid photos={completion.photos} />
    </View>
  );
}

/** The owner's verdict, or the note that the order closed itself. */
export function AcceptanceFacts({ order }: { order: WorkOrderDetail }) {
  const acceptance = order.acceptance;
  if (!acceptance) return null;
  return (
    <View className="wo-facts__card">
      <Text className="wo-facts__card-title">业主评价</Text>
      {acceptance.auto ? (
        <Text className="wo-facts__text">业主未在期限内验收，系统已自动完成。</Text>
      ) : (
        <>
          <StarRating value={acceptance.rating ?? 0} />
          {acceptance.comment ? <Text className="wo-facts__text">{acceptance.comment}</Text> : null}
        </>
      )}
      <Text className="wo-facts__meta">{formatDateTime(acceptance.at)}</Text>
    </View>
  );
}

export function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="wo-facts__fact">
      <Text className="wo-facts__fact-label">{label}</Text>
      <Text className="wo-facts__fact-value">{value}</Text>
    </View>
  );
}
