import { Text, View } from '@tarojs/components';
import type { BindingView } from '@linli/shared';
import { useState } from 'react';
import { FormCard, FormField } from '../../components/form-field';
import { Button } from '../../components/nutui';
import { TextInput } from '../../components/text-input';
import { failureOf, useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { scan } from '../../services/scan';
import { ClaimFailure } from './claim-failure';

const CODE = /^[A-Z0-9]{8}$/;

/** A scanned invitation may be the bare code or a link that carries it. */
export function codeInScan(text: string): string | null {
  const upper = text.trim().toUpperCase();
  if (CODE.test(upper)) return upper;
  return /(?:^|[^A-Z0-9])([A-Z0-9]{8})(?:$|[^A-Z0-9])/.exec(upper)?.[1] ?? null;
}

export function ClaimByInvitation({ onClaimed }: { onClaimed: (binding: BindingView) => void }) {
  const [code, setCode] = useState('');
  const submit = useAction((invitationCode: string) => call('binding', 'claim', { invitationCode }));

  const onSubmit = async () => {
    const typed = code.trim().toUpperCase();
    if (!CODE.test(typed)) {
      submit.setFailure({
        code: 'VALIDATION',
        message: '请按标红的提示修改后再提交',
        fields: { invitationCode: '邀请码为 8 位字母或数字' },
      });
      return;
    }
    const binding = await submit.run(typed);
    if (binding) onClaimed(binding);
  };

  const onScan = async () => {
    try {
      const text = await scan();
      if (text === null) return;
      const scanned = codeInScan(text);
      if (scanned) setCode(scanned);
      else
        submit.setFailure({
          code: null,
          message: '没有识别到邀请码，请扫描业主或物业提供的邀请二维码',
          fields: {},
        });
    } catch (error) {
      submit.setFailure(failureOf(error));
    }
  };

  return (
    <>
      <FormCard>
        <FormField
          label="邀请码"
          hint="由业主或物业服务中心提供的 8 位邀请码，绑定后无需等待审核"
          error={submit.failure?.fields.invitationCode}
        >
          <View className="bind__code-row">
            <View className="bind__code-input">
              <TextInput
                placeholder="8 位字母或数字"
                value={code}
                maxLength={8}
                onChange={(typed) => setCode(typed.toUpperCase())}
              />
            </View>
            {process.env.TARO_ENV === 'weapp' ? (
              <Button
                className="bind__scan"
                size="small"
                fill="outline"
                type="primary"
                onClick={() => void onScan()}
              >
                扫码
              </Button>
            ) : null}
          </View>
        </FormField>
      </FormCard>
      <ClaimFailure failure={submit.failure} />
      <Button type="primary" block disabled={submit.pending} onClick={() => void onSubmit()}>
        {submit.pending ? '正在绑定…' : '使用邀请码绑定'}
      </Button>
      <Text className="bind__note">每个邀请码只能使用一次，过期后请向业主或物业重新索取。</Text>
    </>
  );
}
