import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ConversationView } from '@linli/shared';
import { ChatThread } from '../../components/chat-thread';
import { EmptyState } from '../../components/empty-state';
import { OptionPicker } from '../../components/option-picker';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage, staffPageRoles, type StaffSession } from '../components/staff-page';
import './index.css';

/** An agent's side of one conversation: who answers it, quick replies, the chat itself. */
export default function StaffConversation() {
  const conversationId = decodeURIComponent(Taro.getCurrentInstance().router?.params.id ?? '');
  return (
    <StaffPage allow={staffPageRoles.serviceDesk} pickEstate={false}>
      {(session) =>
        conversationId ? (
          <Desk session={session} conversationId={conversationId} />
        ) : (
          <EmptyState title="未指定会话" description="请从客服消息列表打开。" glyph="?" />
        )
      }
    </StaffPage>
  );
}

function Desk({ session, conversationId }: { session: StaffSession; conversationId: string }) {
  const replies = useRemote(
    () => call('service', 'quickReplies', { estateId: session.estateId }),
    [session.estateId],
  );
  return (
    <ChatThread
      conversationId={conversationId}
      placeholder="回复业主"
      quickReplies={replies.status === 'ready' ? replies.data.items : []}
      header={(conversation, refresh) => (
        <Assignment conversation={conversation} session={session} onChanged={refresh} />
      )}
    />
  );
}

function Assignment({
  conversation,
  session,
  onChanged,
}: {
  conversation: ConversationView;
  session: StaffSession;
  onChanged: () => void;
}) {
  const isAdmin = session.has('admin');
  const agents = useRemote(
    () =>
      isAdmin
        ? call('service', 'agents', { estateId: conversation.estateId })
        : Promise.resolve({ items: [] }),
    [conversation.estateId, isAdmin],
  );
  const assign = useAction(async (assigneeId?: string) => {
    await call('service', 'assign', { conversationId: conversation.conversationId, assigneeId });
    onChanged();
    void Taro.showToast({ title: '已更新负责人', icon: 'success' });
  });
  const mine = conversation.assigneeId === session.account.accountId;
  return (
    <View className="desk-head">
      <View className="desk-head__who">
        <Text className="desk-head__room">{conversation.roomCode}</Text>
        <Text className="desk-head__owner">{conversation.ownerName}</Text>
      </View>
      <View className="desk-head__assign">
        <Text className="desk-head__assignee">
          {conversation.assigneeName ? `负责人：${conversation.assigneeName}` : '尚未认领'}
        </Text>
        {!mine && (!conversation.assigneeId || isAdmin) ? (
          <Text className="desk-head__take" onClick={() => void assign.run()}>
            {conversation.assigneeId ? '改由我负责' : '认领'}
          </Text>
        ) : null}
      </View>
      {isAdmin && agents.status === 'ready' && agents.data.items.length > 1 ? (
        <OptionPicker
          title="转派给"
          value={conversation.assigneeId ?? ''}
          options={[
            ...(conversation.assigneeId ? [] : [{ value: '', label: '请选择' }]),
            ...agents.data.items.map((agent) => ({
              value: agent.accountId,
              label: `${agent.name}（${agent.roleLabel}）`,
            })),
          ]}
          onChange={(id) => void (id && assign.run(id))}
        />
      ) : null}
      {assign.failure ? <Text className="desk-head__failure">{assign.failure.message}</Text> : null}
    </View>
  );
}
