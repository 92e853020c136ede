import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan, workOrderVerbs, ZERO, type WorkOrderDetail, type WorkOrderVerb } from '@linli/shared';
import { useState } from 'react';
import { Button } from '../../components/nutui';
import { ReasonForm } from '../../components/reason-form';
import { StarRating } from '../../components/star-rating';
import { TextArea } from '../../components/text-area';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { payBills } from '../../services/pay-bills';

type OwnerVerb = Extract<WorkOrderVerb, 'approve_quote' | 'decline_quote' | 'confirm' | 'reopen' | 'cancel'>;
const OWNER_VERBS: readonly OwnerVerb[] = ['approve_quote', 'decline_quote', 'confirm', 'reopen', 'cancel'];
const MAIN_VERBS: readonly OwnerVerb[] = ['approve_quote', 'confirm'];

const cancelReasons = ['问题已自行解决', '报修信息填错了', '暂时不需要上门'];
const reopenReasons = ['问题没有修好', '修好后又出现同样的问题', '维修造成了新的问题'];
const declineReasons = ['价格超出预期', '想自己购买配件', '暂时不需要更换'];

/** What the owner is asked to do now, in words. */
function hintOf(order: WorkOrderDetail): string {
  const unpaid = order.charge?.unpaidFen ?? ZERO;
  if (order.state === 'quoted') return '师傅已报价，请查看下方费用明细后确认或拒绝';
  if (unpaid > 0 && order.state === 'completed') return `请先支付维修费 ${formatYuan(unpaid)}，再确认验收`;
  if (unpaid > 0) return `已确认报价，维修费 ${formatYuan(unpaid)} 可现在支付，也可完工后支付`;
  if (order.state === 'completed') return '师傅已完工，请确认维修结果';
  return '师傅开始维修前，可以取消报修';
}

interface OwnerActionsProps {
  order: WorkOrderDetail;
  onChanged: (order: WorkOrderDetail) => void;
}

/** The owner's buttons, as the server allows them now; each opens a small form in place. */
export function OwnerActions({ order, onChanged }: OwnerActionsProps) {
  const [open, setOpen] = useState<OwnerVerb | null>(null);
  const approve = useAction(() => call('workorder', 'approveQuote', { orderId: order.orderId }));
  const charge = order.charge;
  const unpaidBills = (charge?.quotes ?? [])
    .filter((q) => q.status === 'confirmed' && q.paidAt === null && q.billId)
    .map((q) => q.billId!);
  const payFee = useAction(() => payBills(charge?.householdId ?? '', unpaidBills));
  const verbs = OWNER_VERBS.filter((verb) => order.actions.includes(verb));
  if (verbs.length === 0 && unpaidBills.length === 0) return null;

  const done = (changed: WorkOrderDetail, toast: string) => {
    setOpen(null);
    onChanged(changed);
    void Taro.showToast({ title: toast, icon: 'success' });
  };
  const orderId = order.orderId;

  const tap = async (verb: OwnerVerb) => {
    if (verb !== 'approve_quote') return setOpen(verb);
    const changed = await approve.run();
    if (changed) done(changed, '已确认报价');
  };
  const failure = approve.failure ?? payFee.failure;

  switch (open) {
    case 'decline_quote':
      return (
        <ReasonForm
          title="拒绝报价"
          suggestions={declineReasons}
          placeholder="请说明原因，师傅可以重新报价"
          submitLabel="拒绝报价"
          danger
          onClose={() => setOpen(null)}
          onSubmit={async (reason) =>
            done(await call('workorder', 'declineQuote', { orderId, reason }), '已拒绝报价')
          }
        />
      );
    case 'confirm':
      return (
        <ConfirmForm
          onClose={() => setOpen(null)}
          onSubmit={async (rating, comment) =>
            done(
              await call('workorder', 'confirm', { orderId, rating, comment: comment || undefined }),
              '已验收',
            )
          }
        />
      );
    case 'reopen':
      return (
        <ReasonForm
          title="申请返修"
          suggestions={reopenReasons}
          placeholder="请说明哪里还有问题"
          submitLabel="提交返修"
          onClose={() => setOpen(null)}
          onSubmit={async (reason) =>
            done(await call('workorder', 'reopen', { orderId, reason }), '已申请返修')
          }
        />
      );
    case 'cancel':
      return (
        <ReasonForm
          title="取消报修"
          suggestions={cancelReasons}
          placeholder="请说明取消原因"
          submitLabel="确认取消"
          danger
          onClose={() => setOpen(null)}
          onSubmit={async (reason) => done(await call('workorder', 'cancel', { orderId, reason }), '已取消')}
        />
      );
    case 'approve_quote':
    case null:
      return (
        <View className="repair-detail__actions">
          <Text className="repair-detail__actions-hint">{hintOf(order)}</Text>
          {failure ? <Text className="repair-detail__error">{failure.message}</Text> : null}
          <View className="repair-detail__buttons">
            {unpaidBills.length > 0 ? (
              <Button size="small" type="primary" disabled={payFee.pending} onClick={() => void payFee.run()}>
                支付维修费 {formatYuan(charge?.unpaidFen ?? ZERO)}
              </Button>
            ) : null}
            {verbs.map((verb) => {
              const main = MAIN_VERBS.includes(verb) && unpaidBills.length === 0;
              return (
                <Button
                  key={verb}
                  size="small"
                  type={main ? 'primary' : 'default'}
                  fill={main ? 'solid' : 'outline'}
                  disabled={approve.pending}
                  onClick={() => void tap(verb)}
                >
                  {workOrderVerbs[verb].label}
                </Button>
              );
            })}
          </View>
        </View>
      );
  }
}

function ConfirmForm({
  onSubmit,
  onClose,
}: {
  onSubmit: (rating: number, comment: string) => Promise<void>;
  onClose: () => void;
}) {
  const [rating, setRating] = useState(5);
  const [comment, setComment] = useState('');
  const submit = useAction(onSubmit);
  return (
    <View className="reason-form">
      <Text className="reason-form__title">验收并评价</Text>
      <View className="repair-detail__stars">
        <StarRating value={rating} onChange={setRating} />
      </View>
      <TextArea value={comment} onChange={setComment} placeholder="说说师傅的服务（选填）" maxLength={200} />
      {submit.failure ? <Text className="reason-form__error">{submit.failure.message}</Text> : null}
      <View className="reason-form__buttons">
        <Button size="small" fill="outline" onClick={onClose}>
          返回
        </Button>
        <Button
          size="small"
          type="primary"
          disabled={submit.pending}
          onClick={() => void submit.run(rating, comment.trim())}
        >
          {submit.pending ? '提交中…' : '确认验收'}
        </Button>
      </View>
    </View>
  );
}
