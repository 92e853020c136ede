import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan, type CallListItem } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useLoadedList } from '../../hooks/use-loaded-list';
import { LoadMore } from '../../components/load-more';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

/** Households to phone (or already phoned), oldest reminder first, with the outcome recorded. */
export function CallList({ estateId, status }: { estateId: string; status: 'open' | 'done' }) {
  const first = useRemote(
    () => call('billing', 'dunning.callList', { estateId, status }),
    [estateId, status],
  );
  return (
    <RemoteView remote={first}>
      {(page) => <Pages estateId={estateId} status={status} first={page} />}
    </RemoteView>
  );
}

function Pages({
  estateId,
  status,
  first,
}: {
  estateId: string;
  status: 'open' | 'done';
  first: { items: CallListItem[]; next?: string };
}) {
  const list = useLoadedList(
    first,
    (after) => call('billing', 'dunning.callList', { estateId, status, after }),
    (item) => item.callId,
  );
  const { items, replace } = list;
  if (items.length === 0)
    return status === 'open' ? (
      <EmptyState title="暂无需要电话催缴的住户" description="提醒消息无法送达的住户会列在这里。" glyph="✓" />
    ) : (
      <EmptyState title="暂无联系记录" glyph="○" />
    );
  return (
    <>
      {status === 'open' ? (
        <Text className="call-list__note">查看完整号码会记录查看人和时间，请仅在致电业主时使用。</Text>
      ) : null}
      {items.map((item) => (
        <CallCard key={item.callId} item={item} onCalled={replace} />
      ))}
      <LoadMore list={list} />
    </>
  );
}

function CallCard({ item, onCalled }: { item: CallListItem; onCalled: (item: CallListItem) => void }) {
  const [outcome, setOutcome] = useState('');
  const mark = useAction(() => call('billing', 'dunning.markCalled', { callId: item.callId, outcome }));
  const submit = async () => {
    const called = await mark.run();
    if (called) onCalled(called);
  };
  return (
    <View className="call-card">
      <View className="call-card__head">
        <Text className="call-card__room">{item.roomCode}</Text>
        <Text className="call-card__amount">{formatYuan(item.outstandingFen)}</Text>
      </View>
      <Text className="call-card__meta">
        {item.stepLabel} · {item.dueDate} 到期 · {item.billIds.length} 张账单 · {item.scheduledOn} 列入
      </Text>
      {item.owners.length ? (
        item.owners.map((owner) => <OwnerPhone key={owner.personId} callId={item.callId} owner={owner} />)
      ) : (
        <Text className="call-card__owner">未登记业主</Text>
      )}
      {item.status === 'done' ? (
        <Text className="call-card__outcome">
          结果：{item.outcome}（{item.calledByName}）
        </Text>
      ) : (
        <>
          <View className="call-card__form">
            <View className="call-card__input">
              <TextInput
                placeholder="通话结果，如 已接通，承诺周末缴费"
                value={outcome}
                maxLength={200}
                onChange={setOutcome}
              />
            </View>
            <Button
              size="small"
              type="primary"
              disabled={!outcome.trim() || mark.pending}
              onClick={() => void submit()}
            >
              记录
            </Button>
          </View>
          {mark.failure ? <MessageBlock tone="error" title={mark.failure.message} /> : null}
        </>
      )}
    </View>
  );
}

/** An owner's masked phone; 查看号码 reveals it (recorded in the audit log), then 拨打 dials it. */
function OwnerPhone({ callId, owner }: { callId: string; owner: CallListItem['owners'][number] }) {
  const [phone, setPhone] = useState<string | null>(null);
  const reveal = useAction(() =>
    call('billing', 'dunning.revealPhone', { callId, personId: owner.personId }),
  );
  const onReveal = async () => {
    const shown = await reveal.run();
    if (shown) setPhone(shown.phone);
  };
  if (!owner.phone) return <Text className="call-card__owner">{owner.name} 未登记手机号</Text>;
  return (
    <View className="call-card__phone">
      <Text className="call-card__owner">
        {owner.name} {phone ?? owner.phone}
      </Text>
      {phone ? (
        <Button size="small" type="primary" onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}>
          拨打
        </Button>
      ) : (
        <Button
          size="small"
          fill="outline"
          type="primary"
          disabled={reveal.pending}
          onClick={() => void onReveal()}
        >
          {reveal.pending ? '读取中…' : '查看号码'}
        </Button>
      )}
      {reveal.failure ? <Text className="call-card__error">{reveal.failure.message}</Text> : null}
    </View>
  );
}
