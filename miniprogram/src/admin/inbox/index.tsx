import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type ConversationView, type InboxView } from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { SegmentTabs } from '../../components/segment-tabs';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { useRemote } from '../../hooks/use-remote';
import { useRouteChoice } from '../../hooks/use-route-choice';
import { call } from '../../services/api';
import { SheetExportButtons } from '../components/export-bar';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import './index.css';
import { useMorePages } from '../../hooks/use-more-pages';

type Filter = 'unread' | 'mine' | 'unassigned' | 'all';
const filters = [
  { value: 'unread', label: '未读' },
  { value: 'mine', label: '我负责的' },
  { value: 'unassigned', label: '待认领' },
  { value: 'all', label: '全部' },
] as const;

const emptyText: Record<Filter, string> = {
  unread: '没有未读消息',
  mine: '暂无由您负责的会话',
  unassigned: '没有待认领的会话',
  all: '暂无业主咨询',
};

/** The desk's conversations: unread first to answer, who answers each, latest activity first. */
export default function Inbox() {
  const [filter, setFilter] = useRouteChoice<Filter>(
    'filter',
    filters.map((f) => f.value),
    'all',
  );
  return (
    <StaffPage allow={staffPageRoles.serviceDesk}>
      {({ estateId }) => (
        <>
          <SegmentTabs options={filters} value={filter} onChange={setFilter} />
          <Conversations key={`${estateId}/${filter}`} estateId={estateId} filter={filter} />
          <SheetExportButtons
            load={(format) => call('analytics', 'export.conversations', { estateId, filter, format })}
          />
          <Text
            className="inbox__complaints"
            onClick={() => void Taro.navigateTo({ url: '/admin/complaints/index' })}
          >
            投诉建议 ›
          </Text>
        </>
      )}
    </StaffPage>
  );
}

function Conversations({ estateId, filter }: { estateId: string; filter: Filter }) {
  const first = useRemote(() => call('service', 'inbox', { estateId, filter }), [estateId, filter]);
  useRefreshOnReturn(first.refresh);
  return (
    <RemoteView remote={first}>
      {(page) => <Pages key={JSON.stringify(page.items)} first={page} estateId={estateId} filter={filter} />}
    </RemoteView>
  );
}

function Pages({ first, estateId, filter }: { first: InboxView; estateId: string; filter: Filter }) {
  const { pages, next, loading, loadMore } = useMorePages(first, (after) =>
    call('service', 'inbox', { estateId, filter, after }),
  );
  const items = pages.flatMap((p) => p.items);
  return (
    <View>
      {first.unreadConversations > 0 ? (
        <Text className="inbox__summary">{first.unreadConversations} 个会话有未读消息</Text>
      ) : null}
      {items.length === 0 ? <EmptyState title={emptyText[filter]} glyph="✉" /> : null}
      {items.map((conversation) => (
        <InboxRow key={conversation.conversationId} conversation={conversation} />
      ))}
      {next ? (
        <Button block fill="outline" disabled={loading} onClick={() => void loadMore()}>
          {loading ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  );
}

function InboxRow({ conversation }: { conversation: ConversationView }) {
  return (
    <View
      className="inbox-row"
      onClick={() =>
        void Taro.navigateTo({
          url: `/admin/conversation/index?id=${encodeURIComponent(conversation.conversationId)}`,
        })
      }
    >
      <View className="inbox-row__main">
        <View className="inbox-row__head">
          <Text className="inbox-row__room">{conversation.roomCode}</Text>
          <Text className="inbox-row__owner">{conversation.ownerName}</Text>
        </View>
        <Text className="inbox-row__preview">
          {conversation.lastSide === 'staff' ? '[已回复] ' : ''}
          {conversation.lastPreview}
        </Text>
        <Text className="inbox-row__assignee">
          {conversation.assigneeName ? `负责人：${conversation.assigneeName}` : '待认领'}
        </Text>
      </View>
      <View className="inbox-row__side">
        {conversation.lastMessageAt ? (
          <Text className="inbox-row__time">{formatDateTime(conversation.lastMessageAt)}</Text>
        ) : null}
        {conversation.unread > 0 ? <Text className="inbox-row__badge">{conversation.unread}</Text> : null}
      </View>
    </View>
  );
}
