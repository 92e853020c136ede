import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BindingView } from '@linli/shared';
import { useState } from 'react';
import { BackRow } from '../../components/back-row';
import { MessageBlock } from '../../components/message-block';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { SegmentTabs } from '../../components/segment-tabs';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { rememberCurrentHousehold } from '../../state/current-household';
import { ClaimByInvitation } from './claim-by-invitation';
import { ClaimByRoom } from './claim-by-room';
import { MyClaims } from './my-claims';
import './index.css';

type Method = 'room' | 'invitation';
const methods = [
  { value: 'room', label: '房号验证' },
  { value: 'invitation', label: '邀请码' },
] as const;

/**
 * Claim a household: by room code with the registered owner's name and phone (staff review it), or
 * with an invitation code (binds at once). Below, what this account has applied for so far.
 */
export default function Bind() {
  const claims = useRemote(() => call('binding', 'mine', {}), []);
  const [method, setMethod] = useState<Method>('room');
  const [submitted, setSubmitted] = useState<BindingView | null>(null);
  // A new key empties the form once an application is in.
  const [formKey, setFormKey] = useState(0);

  const onClaimed = (binding: BindingView) => {
    if (binding.status === 'approved') {
      rememberCurrentHousehold(binding.householdId);
      void Taro.showToast({ title: '绑定成功', icon: 'success' });
      void Taro.switchTab({ url: '/pages/mine/index' });
      return;
    }
    setSubmitted(binding);
    setFormKey((n) => n + 1);
    claims.refresh();
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
  };

  return (
    <Screen>
      <BackRow label="返回「我的」" fallbackUrl="/pages/mine/index" fallbackIsTab />
      {submitted ? <Submitted binding={submitted} /> : null}
      <SegmentTabs options={methods} value={method} onChange={setMethod} />
      {method === 'room' ? (
        <ClaimByRoom key={formKey} onClaimed={onClaimed} />
      ) : (
        <ClaimByInvitation key={formKey} onClaimed={onClaimed} />
      )}
      <Text className="section-title">我的申请</Text>
      <RemoteView remote={claims}>{({ bindings }) => <MyClaims bindings={bindings} />}</RemoteView>
    </Screen>
  );
}

function Submitted({ binding }: { binding: BindingView }) {
  return (
    <MessageBlock tone="success" title="申请已提交，等待物业审核">
      <Text>
        物业工作人员会核对 {binding.estateName} {binding.roomCode}{' '}
        的登记信息，审核通过后即可查看房屋、缴费和报修。审核结果见下方「我的申请」。
      </Text>
    </MessageBlock>
  );
}
