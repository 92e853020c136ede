import { Text } from '@tarojs/components';
import { MessageBlock } from '../../components/message-block';
import type { ActionFailure } from '../../hooks/use-action';

const titles: Partial<Record<NonNullable<ActionFailure['code']>, string>> = {
  VERIFICATION_FAILED: '绑定未成功',
  RATE_LIMITED: '尝试次数过多',
  DUPLICATE: '请勿重复申请',
  VALIDATION: '请检查填写的内容',
};

/** The server's refusal, word for word, where the person is looking: right above the button. */
export function ClaimFailure({ failure }: { failure: ActionFailure | null }) {
  if (!failure) return null;
  return (
    <MessageBlock tone="error" title={(failure.code && titles[failure.code]) ?? '提交失败'}>
      <Text>{failure.message}</Text>
    </MessageBlock>
  );
}
