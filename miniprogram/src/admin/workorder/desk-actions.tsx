import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { isOpenState, Priority, priorityLabels, type WorkOrderDetail } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { Button } from '../../components/nutui';
import { ReasonForm } from '../../components/reason-form';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';

const priorities = Priority.options.map((value) => ({ value, label: priorityLabels[value] }));
const cancelReasons = ['业主来电取消', '重复报修', '不属于物业维修范围'];
const priorityReasons = ['业主反映情况加重', '影响其他住户', '经核实不紧急'];
const freeReasons = ['属物业维保责任', '交房质量问题', '返修不收费'];
const chargeReasons = ['业主使用不当造成损坏', '业主装修造成损坏', '业主要求的增值服务'];

interface DeskActionsProps {
  order: WorkOrderDetail;
  onChanged: (order: WorkOrderDetail) => void;
}

type Form = 'priority' | 'cancel' | 'charge';

/** The desk may switch free ↔ chargeable until a quote waits or is confirmed. */
const canSwitchCharge = (order: WorkOrderDetail): boolean =>
  order.charge !== null &&
  order.state !== 'closed' &&
  order.state !== 'cancelled' &&
  order.charge.quotes.every((q) => q.status === 'declined');

/** 智能派单, 调整优先级, 取消: what the desk does to an order besides choosing a technician. */
export function DeskActions({ order, onChanged }: DeskActionsProps) {
  const [open, setOpen] = useState<Form | null>(null);
  const [priority, setPriority] = useState<Priority>(order.priority);
  const dispatch = useAction(() => call('workorder', 'dispatch', { orderId: order.orderId }));
  const orderId = order.orderId;

  const done = (changed: WorkOrderDetail, toast: string) => {
    setOpen(null);
    onChanged(changed);
    void Taro.showToast({ title: toast, icon: 'success' });
  };
  const autoDispatch = async () => {
    const result = await dispatch.run();
    if (!result) return;
    if (result.decision.assigned) done(result.order, '已派单');
    else
      void Taro.showModal({ title: '暂无可派的师傅', content: result.decision.summary, showCancel: false });
  };

  if (open === 'priority')
    return (
      <ReasonForm
        title="调整优先级"
        suggestions={priorityReasons}
        placeholder="请说明调整原因，时限将按新的优先级重算"
        submitLabel="确认调整"
        onClose={() => setOpen(null)}
        onSubmit={async (reason) =>
          done(await call('workorder', 'setPriority', { orderId, priority, reason }), '已调整')
        }
      >
        <ChoiceChips options={priorities} value={priority} onChange={setPriority} />
      </ReasonForm>
    );
  if (open === 'charge') {
    const chargeable = !order.charge?.chargeable;
    return (
      <ReasonForm
        title={chargeable ? '改为收费维修' : '改为免费维修'}
        suggestions={chargeable ? chargeReasons : freeReasons}
        placeholder="请说明原因，将记入工单进度与审计日志"
        submitLabel="确认修改"
        onClose={() => setOpen(null)}
        onSubmit={async (reason) =>
          done(await call('workorder', 'setChargeable', { orderId, chargeable, reason }), '已修改')
        }
      />
    );
  }
  if (open === 'cancel')
    return (
      <ReasonForm
        title="取消工单"
        suggestions={cancelReasons}
        placeholder="请说明取消原因，业主会看到"
        submitLabel="确认取消"
        danger
        onClose={() => setOpen(null)}
        onSubmit={async (reason) => done(await call('workorder', 'cancel', { orderId, reason }), '已取消')}
      />
    );

  const buttons = [
    order.actions.includes('dispatch')
      ? { key: 'dispatch', label: '智能派单', tap: () => void autoDispatch() }
      : null,
    isOpenState(order.state)
      ? { key: 'priority', label: '调整优先级', tap: () => setOpen('priority') }
      : null,
    canSwitchCharge(order)
      ? {
          key: 'charge',
          label: order.charge?.chargeable ? '改为免费' : '改为收费',
          tap: () => setOpen('charge'),
        }
      : null,
    order.actions.includes('cancel')
      ? { key: 'cancel', label: '取消工单', tap: () => setOpen('cancel') }
      : null,
  ].filter((b): b is { key: string; label: string; tap: () => void } => b !== null);
  if (buttons.length === 0) return null;
  return (
    <View className="desk__card">
      {dispatch.failure ? <Text className="desk__error">{dispatch.failure.message}</Text> : null}
      <View className="desk__buttons">
        {buttons.map((button) => (
          <Button
            key={button.key}
            size="small"
            type={button.key === 'dispatch' ? 'primary' : button.key === 'cancel' ? 'danger' : 'default'}
            fill={button.key === 'dispatch' ? 'solid' : 'outline'}
            disabled={dispatch.pending}
            onClick={button.tap}
          >
            {button.key === 'dispatch' && dispatch.pending ? '派单中…' : button.label}
          </Button>
        ))}
      </View>
    </View>
  );
}
