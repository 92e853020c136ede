import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BoundHousehold } from '@linli/shared';
import { Cell, CellGroup } from '../../components/nutui';
import { call, messageOf } from '../../services/api';
import { forgetCurrentHousehold } from '../../state/current-household';
import { InviteFamily } from './invite-family';

/** What a bound owner can do about the household on show: invite family, bind another, unbind. */
export function HouseholdActions({
  household,
  onUnbound,
}: {
  household: BoundHousehold;
  onUnbound: () => void;
}) {
  return (
    <CellGroup title="房屋与家人">
      <InviteFamily key={household.householdId} household={household} />
      <Cell
        title="绑定其他房屋"
        description="继续绑定名下其他房屋"
        extra="›"
        clickable
        onClick={() => void Taro.navigateTo({ url: '/pages/bind/index' })}
      />
      <Cell
        title={<Text className="mine__danger">解除绑定</Text>}
        description="解除后可随时重新申请"
        extra="›"
        clickable
        onClick={() => void unbind(household, onUnbound)}
      />
    </CellGroup>
  );
}

async function unbind(household: BoundHousehold, onUnbound: () => void): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '解除绑定',
    content: `解除后将不能再查看 ${household.estateName} ${household.roomCode} 的房屋信息、账单和报修，需要时可重新申请绑定。确定解除吗？`,
    confirmText: '解除绑定',
    confirmColor: '#dc2626',
    cancelText: '取消',
  });
  if (!confirm) return;
  void Taro.showLoading({ title: '正在解除…' });
  let failure: string | null = null;
  try {
    // 我的 knows households, not bindings: the approved binding of this household is the one to end.
    const { bindings } = await call('binding', 'mine', {});
    const binding = bindings.find((b) => b.householdId === household.householdId && b.status === 'approved');
    if (binding) await call('binding', 'unbind', { bindingId: binding.bindingId });
    else failure = '没有找到这套房屋的绑定记录，请刷新后重试';
  } catch (error) {
    failure = messageOf(error);
  }
  Taro.hideLoading();
  if (failure) {
    void Taro.showModal({ title: '解除失败', content: failure, showCancel: false });
    return;
  }
  forgetCurrentHousehold();
  void Taro.showToast({ title: '已解除绑定', icon: 'success' });
  onUnbound();
}
