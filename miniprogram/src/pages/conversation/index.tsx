import Taro from '@tarojs/taro';
import { BackRow } from '../../components/back-row';
import { ChatThread } from '../../components/chat-thread';
import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';

/** The owner's chat with the service desk (opened from 客服, or from a reply's message card). */
export default function Conversation() {
  const conversationId = decodeURIComponent(Taro.getCurrentInstance().router?.params.id ?? '');
  return (
    <Screen>
      <BackRow label="返回客服" fallbackUrl="/pages/service/index" />
      {conversationId ? (
        <ChatThread conversationId={conversationId} placeholder="请描述您的问题" />
      ) : (
        <EmptyState title="未指定会话" description="请从客服页进入。" glyph="?" />
      )}
    </Screen>
  );
}
