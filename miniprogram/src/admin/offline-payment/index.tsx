import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { fen, formatYuan, type BillView, type OfflineChannel, type PaymentOrderView } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { RoomFinder, type PickedRoom } from '../components/room-finder';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { PaymentCard } from '../payments/payment-card';
import '../payments/index.css';
import './index.css';

const channelOptions: Array<{ value: OfflineChannel; label: string }> = [
  { value: 'cash', label: '现金' },
  { value: 'card', label: '刷卡' },
  { value: 'transfer', label: '银行转账' },
];

/** 线下收款: find the household by room, tick its open bills, record the receipt; cancel with a reason. */
export default function OfflinePayment() {
  return (
    <StaffPage allow={staffPageRoles.billing}>
      {({ estateId }) => <OfflineDesk key={estateId} estateId={estateId} />}
    </StaffPage>
  );
}

function OfflineDesk({ estateId }: { estateId: string }) {
  const [room, setRoom] = useState<PickedRoom | null>(null);
  const [round, setRound] = useState(0);
  return (
    <>
      <RoomFinder estateId={estateId} onPick={setRoom} />
      {room ? (
        <HouseholdCounter
          key={`${room.householdId}:${round}`}
          estateId={estateId}
          room={room}
          onRecorded={() => setRound((n) => n + 1)}
        />
      ) : (
        <EmptyState
          title="请先查找房屋"
          description="输入房号，如 1-1-1201，登记该户的线下缴费。"
          glyph="⌂"
        />
      )}
    </>
  );
}

function HouseholdCounter({
  estateId,
  room,
  onRecorded,
}: {
  estateId: string;
  room: PickedRoom;
  onRecorded: () => void;
}) {
  const bills = useRemote(
    () => call('billing', 'bills.list', { estateId, householdId: room.householdId }),
    [room.householdId],
  );
  const recent = useRemote(
    () => call('payment', 'list', { estateId, householdId: room.householdId }),
    [room.householdId],
  );
  return (
    <>
      <Text className="section-title">{room.roomCode} 待缴账单</Text>
      <RemoteView remote={bills}>
        {(page) => (
          <RecordForm
            householdId={room.householdId}
            open={page.items.filter((b) => b.status === 'unpaid' || b.status === 'partial')}
            onSaved={() => recent.refresh()}
            onRecorded={onRecorded}
          />
        )}
      </RemoteView>
      <Text className="section-title">该户收款记录</Text>
      <RemoteView remote={recent}>
        {(page) =>
          page.items.length ? (
            <View className="payments-list">
              {page.items.map((order) => (
                <PaymentCard key={order.outTradeNo} order={order} onChanged={() => recent.refresh()} />
              ))}
            </View>
          ) : (
            <EmptyState title="暂无收款记录" glyph="¥" />
          )
        }
      </RemoteView>
    </>
  );
}

function RecordForm({
  householdId,
  open,
  onSaved,
  onRecorded,
}: {
  householdId: string;
  open: BillView[];
  /** The payment is stored: the household's record list can show it. */
  onSaved: () => void;
  onRecorded: () => void;
}) {
  const [chosen, setChosen] = useState<string[]>(open.map((b) => b.billId));
  const [channel, setChannel] = useState<OfflineChannel>('cash');
  const [receiptNo, setReceiptNo] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<PaymentOrderView | null>(null);
  const total = fen(open.filter((b) => chosen.includes(b.billId)).reduce((s, b) => s + b.payableFen, 0));
  const submit = useAction(async () => {
    const order = await call('payment', 'recordOffline', {
      householdId,
      billIds: chosen,
      channel,
      receiptNo,
      ...(note.trim() ? { note } : {}),
    });
    setDone(order);
    onSaved();
    void Taro.showToast({ title: '已登记', icon: 'success' });
  });
  if (done)
    return (
      <MessageBlock tone="success" title={`已登记 ${done.channelLabel} ${formatYuan(done.amountFen)}`}>
        <Text>收据号 {done.receiptNo}，账单已缴清。</Text>
        <View className="offline-form__again">
          <Button size="small" fill="outline" onClick={onRecorded}>
            继续登记
          </Button>
        </View>
      </MessageBlock>
    );
  if (open.length === 0) return <EmptyState title="该户没有待缴账单" glyph="✓" />;
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <View className="offline-form">
      {open.map((bill) => (
        <View key={bill.billId} className="offline-bill" onClick={() => toggle(bill.billId)}>
          <View
            className={chosen.includes(bill.billId) ? 'offline-check offline-check--on' : 'offline-check'}
          >
            {chosen.includes(bill.billId) ? <Text className="offline-check__mark">✓</Text> : null}
          </View>
          <Text className="offline-bill__name">
            {bill.itemName} · {bill.period}
          </Text>
          <Text className="offline-bill__amount">{formatYuan(bill.payableFen)}</Text>
        </View>
      ))}
      <Text className="offline-form__total">
        已选 {chosen.length} 笔，合计 {formatYuan(total)}
      </Text>
      <ChoiceChips options={channelOptions} value={channel} onChange={setChannel} />
      <FormField
        label="收据号"
        hint="纸质收据上的编号，同一收据号只能登记一次"
        error={submit.failure?.fields.receiptNo}
      >
        <TextInput
          placeholder="如 SJ-20260710-001"
          value={receiptNo}
          maxLength={32}
          onChange={setReceiptNo}
        />
      </FormField>
      <FormField label="备注" error={submit.failure?.fields.note}>
        <TextInput placeholder="选填，如转账流水号" value={note} maxLength={100} onChange={setNote} />
      </FormField>
      {submit.failure && !submit.failure.fields.receiptNo ? (
        <MessageBlock tone="error" title={submit.failure.message} />
      ) : null}
      <Button
        type="primary"
        block
        disabled={chosen.length === 0 || submit.pending}
        onClick={() => void submit.run()}
      >
        {submit.pending ? '登记中…' : `登记收款 ${formatYuan(total)}`}
      </Button>
    </View>
  );
}
