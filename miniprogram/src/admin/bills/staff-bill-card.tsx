import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fen, formatYuan, type BillView } from '@linli/shared';
import { useState } from 'react';
import { BillStatusTag } from '../../components/bill-status-tag';
import { FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';

type Acting = 'void' | 'waive' | null;

/** A submission id per opened form: a double tap is refused by the server as a duplicate. */
const newSubmissionId = () => `waive-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** One bill for staff: its figures, and for finance 作废 / 减免 with a reason (both audited). */
export function StaffBillCard({
  bill,
  canChange,
  onChanged,
}: {
  bill: BillView;
  canChange: boolean;
  onChanged: (bill: BillView) => void;
}) {
  const [acting, setActing] = useState<Acting>(null);
  const open = bill.status === 'unpaid' || bill.status === 'partial';
  return (
    <View className="staff-bill">
      <View
        className="staff-bill__body"
        onClick={() =>
          void Taro.navigateTo({ url: `/pages/bill-detail/index?id=${encodeURIComponent(bill.billId)}` })
        }
      >
        <View className="staff-bill__head">
          <Text className="staff-bill__room">{bill.roomCode}</Text>
          <Text className="staff-bill__amount">{formatYuan(bill.amountFen)}</Text>
        </View>
        <View className="staff-bill__meta">
          <BillStatusTag status={bill.status} label={bill.statusLabel} overdueDays={bill.overdueDays} />
          <Text className="staff-bill__item">
            {bill.itemName} · {bill.period} · {bill.dueDate} 到期
          </Text>
        </View>
        <Text className="staff-bill__figures">
          已缴 {formatYuan(bill.paidFen)} · 减免 {formatYuan(bill.waivedFen)} · 未缴{' '}
          {formatYuan(bill.outstandingFen)}
          {bill.lateFee ? ` · 滞纳金 ${formatYuan(bill.lateFee.amountFen)}` : ''}
        </Text>
        {bill.void ? (
          <Text className="staff-bill__void">
            作废原因：{bill.void.reason}（{bill.void.byName}）
          </Text>
        ) : null}
      </View>
      {canChange && open && !acting ? (
        <View className="staff-bill__actions">
          <Button size="small" fill="outline" onClick={() => setActing('waive')}>
            减免
          </Button>
          <Button size="small" fill="outline" onClick={() => setActing('void')}>
            作废
          </Button>
        </View>
      ) : null}
      {acting ? (
        <ChangeForm
          bill={bill}
          acting={acting}
          onDone={(changed) => {
            setActing(null);
            if (changed) onChanged(changed);
          }}
        />
      ) : null}
    </View>
  );
}

function ChangeForm({
  bill,
  acting,
  onDone,
}: {
  bill: BillView;
  acting: 'void' | 'waive';
  onDone: (changed: BillView | null) => void;
}) {
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState(() => (bill.outstandingFen / 100).toFixed(2));
  const [submissionId] = useState(newSubmissionId);
  const submit = useAction(async () => {
    if (acting === 'void') return call('billing', 'bills.void', { billId: bill.billId, reason });
    const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(amount.trim());
    if (!match) throw new Error('amount');
    const amountFen = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
    return call('billing', 'bills.waive', {
      billId: bill.billId,
      amountFen: fen(amountFen),
      reason,
      submissionId,
    });
  });
  const run = async () => {
    const changed = await submit.run();
    if (!changed) return;
    void Taro.showToast({ title: acting === 'void' ? '已作废' : '已减免', icon: 'success' });
    onDone(changed);
  };
  const failure = submit.failure;
  return (
    <View className="staff-bill__form">
      {acting === 'waive' ? (
        <FormField
          label="减免金额（元）"
          hint={`最多 ${formatYuan(bill.outstandingFen)}`}
          error={
            failure?.fields.amountFen ??
            (failure && failure.code === null ? '请输入金额（元），最多两位小数' : undefined)
          }
        >
          <TextInput type="digit" value={amount} onChange={setAmount} />
        </FormField>
      ) : null}
      <FormField label={acting === 'void' ? '作废原因' : '减免原因'} error={failure?.fields.reason}>
        <TextInput
          placeholder="必填，将记录在审计日志中"
          value={reason}
          maxLength={200}
          onChange={setReason}
        />
      </FormField>
      {failure && failure.code !== null && !failure.fields.reason && !failure.fields.amountFen ? (
        <MessageBlock tone="error" title={failure.message} />
      ) : null}
      {acting === 'void' ? (
        <Text className="staff-bill__note">作废后账单不再计入应收；已用预存抵扣的金额会退回预存账户。</Text>
      ) : null}
      <View className="staff-bill__actions">
        <Button size="small" fill="outline" onClick={() => onDone(null)}>
          取消
        </Button>
        <Button size="small" type="primary" disabled={submit.pending} onClick={() => void run()}>
          {acting === 'void' ? '确认作废' : '确认减免'}
        </Button>
      </View>
    </View>
  );
}
