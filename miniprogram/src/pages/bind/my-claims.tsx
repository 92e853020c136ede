import { Text, View } from '@tarojs/components';
import { formatDateTime, type BindingView } from '@linli/shared';
import { BindingStatusTag } from '../../components/binding-status-tag';
import { EmptyState } from '../../components/empty-state';

/** Every application of this account, newest first, with what became of it. */
export function MyClaims({ bindings }: { bindings: BindingView[] }) {
  if (bindings.length === 0)
    return <EmptyState title="暂无申请" description="提交绑定申请后，可在这里查看审核进度。" glyph="⌂" />;
  return (
    <View className="bind__claims">
      {bindings.map((binding) => (
        <ClaimRow key={binding.bindingId} binding={binding} />
      ))}
    </View>
  );
}

function ClaimRow({ binding }: { binding: BindingView }) {
  return (
    <View className="bind__claim">
      <View className="bind__claim-head">
        <Text className="bind__claim-room">
          {binding.estateName} {binding.roomCode}
        </Text>
        <BindingStatusTag status={binding.status} label={binding.statusLabel} />
      </View>
      <Text className="bind__claim-meta">
        {/* Bindings registered by 物业 itself may carry no application time. */}
        {binding.createdAt > 0
          ? `${binding.relationLabel} · 申请于 ${formatDateTime(binding.createdAt)}`
          : binding.relationLabel}
      </Text>
      <ClaimOutcome binding={binding} />
    </View>
  );
}

function ClaimOutcome({ binding }: { binding: BindingView }) {
  switch (binding.status) {
    case 'pending':
      return <Text className="bind__claim-note">物业正在核对登记信息，请耐心等待。</Text>;
    case 'rejected':
      return (
        <Text className="bind__claim-note bind__claim-note--bad">驳回原因：{binding.reason ?? '未说明'}</Text>
      );
    case 'revoked':
      return (
        <Text className="bind__claim-note">
          {binding.decidedAt ? `${formatDateTime(binding.decidedAt)} ` : ''}已解绑
          {binding.reason ? `（${binding.reason}）` : ''}
        </Text>
      );
    case 'approved':
      return binding.decidedAt ? (
        <Text className="bind__claim-note">{formatDateTime(binding.decidedAt)} 绑定生效</Text>
      ) : null;
  }
}
