import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fen, formatDateTime, formatYuan, yuanToFen, type PaymentOrderView } from '@linli/shared';
import { useState } from 'react';
import { FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { ReasonForm } from '../../components/reason-form';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

const REFUNDABLE = ['paid', 'partially_refunded'];

function statusTone(order: PaymentOrderView): string {
  if (order.status === 'paid') return 'pay-card__status--paid';
  if (order.status === 'open' || order.status === 'refunding') return 'pay-card__status--wait';
  return 'pay-card__status--off';
}

/** One received or attempted payment for finance; opens to its bills, refunds and actions. */
export function PaymentCard({
  order,
  onChanged,
}: {
  order: PaymentOrderView;
  onChanged: (o: PaymentOrderView) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <View className="pay-card">
      <View className="pay-card__body" onClick={() => setOpen(!open)}>
        <View className="pay-card__head">
          <Text className="pay-card__room">{order.roomCode}</Text>
          <Text className="pay-card__amount">{formatYuan(order.amountFen)}</Text>
        </View>
        <View className="pay-card__meta">
          <Text className={`pay-card__status ${statusTone(order)}`}>{order.statusLabel}</Text>
          <Text className="pay-card__channel">
            {order.channelLabel} · {order.purposeLabel}
          </Text>
        </View>
        <Text className="pay-card__facts">
          {formatDateTime(order.paidAt ?? order.createdAt)} · {order.description}
        </Text>
        {order.refundedFen > 0 ? (
          <Text className="pay-card__facts">已退款 {formatYuan(order.refundedFen)}</Text>
        ) : null}
      </View>
      {open ? <PaymentDetailView order={order} onChanged={onChanged} /> : null}
    </View>
  );
}

function PaymentDetailView({
  order,
  onChanged,
}: {
  order: PaymentOrderView;
  onChanged: (o: PaymentOrderView) => void;
}) {
  const detail = useRemote(
    () => call('payment', 'get', { outTradeNo: order.outTradeNo }),
    [order.status, order.refundedFen],
  );
  const [acting, setActing] = useState<'refund' | 'cancel' | null>(null);
  const reload = async () => {
    const fresh = await call('payment', 'get', { outTradeNo: order.outTradeNo });
    onChanged(fresh.order);
  };
  return (
    <View className="pay-card__detail">
      <Text className="pay-card__line">商户订单号 {order.outTradeNo}</Text>
      {order.transactionId ? (
        <Text className="pay-card__line">微信支付单号 {order.transactionId}</Text>
      ) : null}
      {order.receiptNo ? (
        <Text className="pay-card__line">
          收据号 {order.receiptNo} · {order.recordedByName} 登记
        </Text>
      ) : null}
      {order.cancel ? (
        <Text className="pay-card__line pay-card__line--warn">
          已撤销：{order.cancel.reason}（{order.cancel.byName}，{formatDateTime(order.cancel.at)}）
        </Text>
      ) : null}
      {order.lines.map((line) => (
        <Text key={line.billId} className="pay-card__line">
          {line.itemName} {line.period}：{formatYuan(fen(line.principalFen + line.lateFeeFen))}
          {line.lateFeeFen > 0 ? `（含滞纳金 ${formatYuan(line.lateFeeFen)}）` : ''}
          {line.refundedFen > 0 ? ` · 已退 ${formatYuan(line.refundedFen)}` : ''}
        </Text>
      ))}
      <RemoteView remote={detail}>
        {(d) => (
          <>
            {d.alerts.map((alert) => (
              <MessageBlock key={alert.alertId} tone="error" title={alert.kindLabel}>
                <Text>{alert.problems.join('；')}</Text>
              </MessageBlock>
            ))}
            {d.refunds.map((refund) => (
              <Text key={refund.outRefundNo} className="pay-card__line">
                退款 {formatYuan(refund.amountFen)} · {refund.stateLabel} · {refund.reason}（
                {refund.requestedByName}）
              </Text>
            ))}
          </>
        )}
      </RemoteView>
      {!acting && order.channel === 'wechat' && REFUNDABLE.includes(order.status) ? (
        <View className="pay-card__actions">
          <Button size="small" fill="outline" onClick={() => setActing('refund')}>
            退款
          </Button>
        </View>
      ) : null}
      {!acting && order.channel !== 'wechat' && order.status === 'paid' ? (
        <View className="pay-card__actions">
          <Button size="small" fill="outline" onClick={() => setActing('cancel')}>
            撤销收款
          </Button>
        </View>
      ) : null}
      {acting === 'refund' ? (
        <RefundForm order={order} onDone={() => setActing(null)} onRefunded={reload} />
      ) : null}
      {acting === 'cancel' ? (
        <ReasonForm
          title="撤销线下收款"
          suggestions={['收据填错房号', '金额登记错误', '重复登记']}
          placeholder="撤销原因（必填，记录审计）"
          submitLabel="确认撤销"
          danger
          onClose={() => setActing(null)}
          onSubmit={async (reason) => {
            onChanged(await call('payment', 'cancelOffline', { outTradeNo: order.outTradeNo, reason }));
            setActing(null);
            void Taro.showToast({ title: '已撤销', icon: 'success' });
          }}
        />
      ) : null}
    </View>
  );
}

function RefundForm({
  order,
  onDone,
  onRefunded,
}: {
  order: PaymentOrderView;
  onDone: () => void;
  onRefunded: () => Promise<void>;
}) {
  const left = fen(order.amountFen - order.refundedFen - order.refundingFen);
  const [amount, setAmount] = useState((left / 100).toFixed(2));
  const [reason, setReason] = useState('');
  const submit = useAction(async () => {
    let amountFen: number;
    try {
      amountFen = yuanToFen(amount);
    } catch {
      throw new Error('请输入退款金额（元），最多两位小数');
    }
    await call('payment', 'refund', { outTradeNo: order.outTradeNo, amountFen: fen(amountFen), reason });
    await onRefunded();
    void Taro.showToast({ title: '已提交退款', icon: 'success' });
    onDone();
  });
  return (
    <View className="pay-card__form">
      <FormField
        label="退款金额（元）"
        hint={`最多可退 ${formatYuan(left)}`}
        error={submit.failure?.fields.amountFen}
      >
        <TextInput type="digit" value={amount} onChange={setAmount} />
      </FormField>
      <FormField label="退款原因" error={submit.failure?.fields.reason}>
        <TextInput placeholder="必填，如：多收水费" value={reason} maxLength={200} onChange={setReason} />
      </FormField>
      {submit.failure && !submit.failure.fields.reason && !submit.failure.fields.amountFen ? (
        <MessageBlock tone="error" title={submit.failure.message} />
      ) : null}
      <View className="pay-card__actions">
        <Button size="small" fill="outline" onClick={onDone}>
          返回
        </Button>
        <Button size="small" type="danger" disabled={submit.pending} onClick={() => void submit.run()}>
          {submit.pending ? '提交中…' : '原路退款'}
        </Button>
      </View>
    </View>
  );
}
