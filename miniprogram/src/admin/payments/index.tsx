import { Text, View } from '@tarojs/components';
import type { PaymentChannel, PaymentOrderStatus, PaymentOrderView } from '@linli/shared';
import { formatDateTime } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { MessageBlock } from '../../components/message-block';
import { RemoteView } from '../../components/remote-view';
import { useLoadedList } from '../../hooks/use-loaded-list';
import { LoadMore } from '../../components/load-more';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { SheetExportButtons } from '../components/export-bar';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { PaymentCard } from './payment-card';
import './index.css';

const statusOptions: Array<{ value: PaymentOrderStatus | 'all'; label: string }> = [
  { value: 'all', label: '全部状态' },
  { value: 'paid', label: '已支付' },
  { value: 'open', label: '待支付' },
  { value: 'partially_refunded', label: '部分退款' },
  { value: 'refunded', label: '已全额退款' },
  { value: 'closed', label: '已关闭' },
  { value: 'cancelled', label: '已撤销' },
];

const channelOptions: Array<{ value: PaymentChannel | 'all'; label: string }> = [
  { value: 'all', label: '全部渠道' },
  { value: 'wechat', label: '微信支付' },
  { value: 'cash', label: '现金' },
  { value: 'card', label: '刷卡' },
  { value: 'transfer', label: '银行转账' },
];

/** 收款记录: every online and offline payment of the estate; finance refunds or cancels from here. */
export default function Payments() {
  return (
    <StaffPage allow={staffPageRoles.billing}>
      {({ estateId }) => <PaymentDesk key={estateId} estateId={estateId} />}
    </StaffPage>
  );
}

function PaymentDesk({ estateId }: { estateId: string }) {
  const [status, setStatus] = useState<PaymentOrderStatus | 'all'>('all');
  const [channel, setChannel] = useState<PaymentChannel | 'all'>('all');
  const alerts = useRemote(() => call('payment', 'alerts', { estateId }), [estateId]);
  const filter: Filter = {
    ...(status === 'all' ? {} : { status }),
    ...(channel === 'all' ? {} : { channel }),
  };
  return (
    <>
      <RemoteView remote={alerts}>
        {(page) =>
          page.items.length ? (
            <MessageBlock tone="error" title={`支付异常 ${page.items.length} 笔，请核实`}>
              {page.items.slice(0, 3).map((a) => (
                <Text key={a.alertId} className="payments__alert">
                  {a.roomCode} · {a.kindLabel} · {formatDateTime(a.createdAt)}
                </Text>
              ))}
            </MessageBlock>
          ) : null
        }
      </RemoteView>
      <ChoiceChips options={statusOptions} value={status} onChange={setStatus} />
      <ChoiceChips options={channelOptions} value={channel} onChange={setChannel} />
      <OrderList key={`${status}:${channel}`} estateId={estateId} filter={filter} />
      <SheetExportButtons
        load={(format) => call('analytics', 'export.payments', { estateId, ...filter, format })}
      />
    </>
  );
}

interface Filter {
  status?: PaymentOrderStatus;
  channel?: PaymentChannel;
}

function OrderList({ estateId, filter }: { estateId: string; filter: Filter }) {
  const first = useRemote(() => call('payment', 'list', { estateId, ...filter }), []);
  return (
    <RemoteView remote={first}>
      {(page) => <OrderPages estateId={estateId} filter={filter} first={page} />}
    </RemoteView>
  );
}

function OrderPages({
  estateId,
  filter,
  first,
}: {
  estateId: string;
  filter: Filter;
  first: { items: PaymentOrderView[]; next?: string };
}) {
  const list = useLoadedList(
    first,
    (after) => call('payment', 'list', { estateId, ...filter, after }),
    (order) => order.outTradeNo,
  );
  const { items: orders, replace } = list;
  if (orders.length === 0) return <EmptyState title="没有符合条件的收款记录" glyph="¥" />;
  return (
    <View className="payments-list">
      {orders.map((order) => (
        <PaymentCard key={order.outTradeNo} order={order} onChanged={replace} />
      ))}
      <LoadMore list={list} />
    </View>
  );
}
