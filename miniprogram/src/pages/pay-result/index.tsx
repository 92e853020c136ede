import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { fen, formatDateTime, formatYuan, type PaymentOrderView } from '@linli/shared';
import { BackRow } from '../../components/back-row';
import { EmptyState } from '../../components/empty-state';
import { MessageBlock } from '../../components/message-block';
import { Button, Cell, CellGroup } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { useRemote } from '../../hooks/use-remote';
import { useSubscribeMoment } from '../../hooks/use-subscribe-moment';
import { call } from '../../services/api';
import './index.css';

/** Poll this often while the payment is being confirmed, and stop after this many tries. */
const POLL_MS = 1500;
const MAX_POLLS = 20;

const RECEIVED = ['paid', 'refunding', 'partially_refunded', 'refunded'];

/** 缴费结果 and receipt: how an order stands, polled until the server has the payment. */
export default function PayResult() {
  const no = decodeURIComponent(Taro.getCurrentInstance().router?.params.no ?? '');
  const order = useRemote(() => call('payment', 'status', { outTradeNo: no }), [no]);
  const polls = useRef(0);
  const pending = order.status === 'ready' && order.data.status === 'open';
  useEffect(() => {
    if (!pending || polls.current >= MAX_POLLS) return;
    const timer = setTimeout(() => {
      polls.current += 1;
      order.refresh();
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, order]);

  return (
    <Screen>
      <BackRow label="返回缴费" fallbackUrl="/pages/bills/index" fallbackIsTab />
      {no ? (
        <RemoteView remote={order}>
          {(view) => <Receipt order={view} gaveUp={polls.current >= MAX_POLLS} onRetry={order.refresh} />}
        </RemoteView>
      ) : (
        <EmptyState title="未指定订单" description="请从缴费页发起缴费。" glyph="?" />
      )}
    </Screen>
  );
}

function Headline({ order, gaveUp }: { order: PaymentOrderView; gaveUp: boolean }) {
  if (RECEIVED.includes(order.status))
    return (
      <View className="pay-result__head pay-result__head--paid">
        <Text className="pay-result__glyph">✓</Text>
        <Text className="pay-result__title">缴费成功</Text>
        <Text className="pay-result__amount">{formatYuan(order.amountFen)}</Text>
      </View>
    );
  if (order.status === 'open')
    return (
      <View className="pay-result__head">
        <Text className="pay-result__glyph pay-result__glyph--wait">…</Text>
        <Text className="pay-result__title">{gaveUp ? '支付结果确认中' : '正在确认支付结果'}</Text>
        <Text className="pay-result__amount">{formatYuan(order.amountFen)}</Text>
      </View>
    );
  return (
    <View className="pay-result__head pay-result__head--failed">
      <Text className="pay-result__glyph">!</Text>
      <Text className="pay-result__title">支付未完成</Text>
      <Text className="pay-result__hint">{order.closeReason ?? order.statusLabel}，账单仍可重新缴纳</Text>
    </View>
  );
}

function Receipt({
  order,
  gaveUp,
  onRetry,
}: {
  order: PaymentOrderView;
  gaveUp: boolean;
  onRetry: () => void;
}) {
  const paid = RECEIVED.includes(order.status);
  return (
    <>
      <Headline order={order} gaveUp={gaveUp} />
      {order.status === 'open' && gaveUp ? (
        <MessageBlock tone="info" title="微信支付尚未通知结果">
          <Text>如已付款，结果通常在几分钟内确认，请勿重复支付。</Text>
        </MessageBlock>
      ) : null}

      {order.lines.length ? (
        <CellGroup title="缴费账单">
          {order.lines.map((line) => (
            <Cell
              key={line.billId}
              title={`${line.itemName} · ${line.period}`}
              description={line.lateFeeFen > 0 ? `含滞纳金 ${formatYuan(line.lateFeeFen)}` : undefined}
              extra={
                <View className="pay-result__line">
                  <Text className="pay-result__money">
                    {formatYuan(fen(line.principalFen + line.lateFeeFen))}
                  </Text>
                  {paid ? <Text className="pay-result__tag">已缴</Text> : null}
                </View>
              }
            />
          ))}
        </CellGroup>
      ) : null}

      <CellGroup title="缴费凭证">
        <Cell title="房屋" extra={order.roomCode} />
        <Cell title="缴费项目" extra={order.purposeLabel} />
        <Cell title="支付方式" extra={order.channelLabel} />
        <Cell title="订单状态" extra={order.statusLabel} />
        <Cell title="商户订单号" extra={<Text className="pay-result__code">{order.outTradeNo}</Text>} />
        {order.transactionId ? (
          <Cell
            title="微信支付单号"
            extra={<Text className="pay-result__code">{order.transactionId}</Text>}
          />
        ) : null}
        {order.paidAt ? <Cell title="支付时间" extra={formatDateTime(order.paidAt)} /> : null}
        {order.refundedFen > 0 ? <Cell title="已退款" extra={formatYuan(order.refundedFen)} /> : null}
      </CellGroup>

      {paid ? <SubscribeOffer /> : null}
      <View className="pay-result__actions">
        {order.status === 'open' ? (
          <Button block onClick={onRetry}>
            刷新结果
          </Button>
        ) : null}
        <Button type="primary" block onClick={() => void Taro.switchTab({ url: '/pages/bills/index' })}>
          返回缴费
        </Button>
      </View>
    </>
  );
}

/** Right after paying, WeChat allows asking for messages: the next receipt and bill reminders. */
function SubscribeOffer() {
  const { available, ask } = useSubscribeMoment('after_payment');
  const [answered, setAnswered] = useState(false);
  if (!available || answered) return null;
  return (
    <View className="pay-result__subscribe">
      <Text className="pay-result__subscribe-text">开启账单与缴费通知，出账和缴费成功时提醒您</Text>
      <Button
        size="small"
        fill="outline"
        disabled={ask.pending}
        onClick={() => void ask.run().then(() => setAnswered(true))}
      >
        开启通知
      </Button>
    </View>
  );
}
