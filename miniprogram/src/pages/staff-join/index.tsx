import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StaffView } from '@linli/shared';
import { useState } from 'react';
import { BackRow } from '../../components/back-row';
import { FormCard, FormField } from '../../components/form-field';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { TextInput } from '../../components/text-input';
import { Screen } from '../../components/screen';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import './index.css';

/** A new staff member links this WeChat account to the staff record an admin created. */
export default function StaffJoin() {
  const [code, setCode] = useState('');
  const [joined, setJoined] = useState<StaffView | null>(null);
  const join = useAction((typed: string) => call('staff', 'join', { code: typed }));

  const onJoin = async () => {
    const typed = code.trim().toUpperCase();
    if (!/^[A-Z0-9]{8}$/.test(typed)) {
      join.setFailure({ code: 'VALIDATION', message: '', fields: { code: '加入码为 8 位字母或数字' } });
      return;
    }
    const member = await join.run(typed);
    if (member) setJoined(member);
  };

  return (
    <Screen>
      <BackRow label="返回「我的」" fallbackUrl="/pages/mine/index" fallbackIsTab />
      {joined ? (
        <Joined member={joined} />
      ) : (
        <>
          <View className="staff-join__intro">
            <Text>物业员工：请输入管理员提供的 8 位加入码，把您的微信与员工账号关联。</Text>
          </View>
          <FormCard>
            <FormField label="加入码" hint="加入码只能使用一次" error={join.failure?.fields.code}>
              <TextInput
                placeholder="8 位字母或数字"
                value={code}
                maxLength={8}
                onChange={(typed) => setCode(typed.toUpperCase())}
              />
            </FormField>
          </FormCard>
          {join.failure?.message ? (
            <MessageBlock tone="error" title="加入失败">
              <Text>{join.failure.message}</Text>
            </MessageBlock>
          ) : null}
          <Button type="primary" block disabled={join.pending} onClick={() => void onJoin()}>
            {join.pending ? '正在加入…' : '加入'}
          </Button>
        </>
      )}
    </Screen>
  );
}

function Joined({ member }: { member: StaffView }) {
  return (
    <>
      <MessageBlock tone="success" title={`欢迎，${member.name}`}>
        <Text>已加入物业员工：{member.roleLabels.join('、')}。现在可以在工作台处理物业事务。</Text>
      </MessageBlock>
      <Button type="primary" block onClick={() => void Taro.reLaunch({ url: '/admin/workbench/index' })}>
        进入工作台
      </Button>
    </>
  );
}
