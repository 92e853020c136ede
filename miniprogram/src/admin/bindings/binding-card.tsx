import { Text, View } from '@tarojs/components';
import { formatDateTime, type BindingQueueItem } from '@linli/shared';
import { useState } from 'react';
import { BindingStatusTag } from '../../components/binding-status-tag';
import { Button } from '../../components/nutui';

const methodLabels: Record<BindingQueueItem['method'], string> = {
  'phone-check': '房号 + 姓名 + 手机后 4 位',
  invitation: '邀请码',
};

interface BindingCardProps {
  item: BindingQueueItem;
  onApprove: () => Promise<void>;
  onReject: () => void;
}

/** One application with what the reviewer compares it against: the registered owners. */
export function BindingCard({ item, onApprove, onReject }: BindingCardProps) {
  const [approving, setApproving] = useState(false);
  const approve = () => {
    setApproving(true);
    void onApprove().finally(() => setApproving(false));
  };
  return (
    <View className="binding-card">
      <View className="binding-card__head">
        <View>
          <Text className="binding-card__room">{item.roomCode}</Text>
          <Text className="binding-card__estate">{item.estateName}</Text>
        </View>
        <BindingStatusTag status={item.status} label={item.statusLabel} />
      </View>
      <Fact label="申请人" value={`${item.applicantName || '未留姓名'} · ${item.relationLabel}`} />
      <Fact label="核验方式" value={methodLabels[item.method]} />
      <Fact label="登记业主" value={item.registeredOwners.join('、') || '未登记业主'} />
      <OwnerMatch item={item} />
      <Fact label="申请时间" value={formatDateTime(item.createdAt)} />
      {item.decidedAt ? <Fact label="处理时间" value={formatDateTime(item.decidedAt)} /> : null}
      {item.reason ? <Fact label="原因" value={item.reason} /> : null}
      {item.status === 'pending' ? (
        <View className="binding-card__actions">
          <Button size="small" type="danger" fill="outline" disabled={approving} onClick={onReject}>
            驳回
          </Button>
          <Button size="small" type="primary" disabled={approving} onClick={approve}>
            {approving ? '处理中…' : '通过'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className="binding-card__fact">
      <Text className="binding-card__label">{label}</Text>
      <Text className="binding-card__value">{value}</Text>
    </View>
  );
}

/** The comparison the reviewer is there for, said in words. */
function OwnerMatch({ item }: { item: BindingQueueItem }) {
  if (item.method !== 'phone-check' || item.status !== 'pending') return null;
  const isOwner = item.registeredOwners.includes(item.applicantName);
  return (
    <Text className={isOwner ? 'binding-card__match' : 'binding-card__match binding-card__match--warn'}>
      {isOwner
        ? '申请人与登记业主一致，姓名与手机后 4 位已核验'
        : '申请人不是登记业主（是登记住户），请核实与业主的关系'}
    </Text>
  );
}
