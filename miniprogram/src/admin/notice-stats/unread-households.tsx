import { Text, View } from '@tarojs/components';
import type { UnreadHouseholdView, UnreadListView } from '@linli/shared';
import { useState } from 'react';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { SegmentTabs } from '../../components/segment-tabs';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { useMorePages } from '../../hooks/use-more-pages';

const views = [
  { value: 'all', label: '未读住户' },
  { value: 'call', label: '电话名单' },
] as const;
type ViewName = (typeof views)[number]['value'];

/** Households where nobody has read the notice; the call list is those no message can reach. */
export function UnreadHouseholds({
  noticeId,
  unread,
  reminded,
  delivering,
}: {
  noticeId: string;
  unread: number;
  reminded: boolean;
  /** The fan-out is still writing the households' read records: the list is not complete yet. */
  delivering: boolean;
}) {
  const [view, setView] = useState<ViewName>(reminded ? 'call' : 'all');
  if (unread === 0) return null;
  return (
    <View className="stats-card">
      <SegmentTabs options={views} value={view} onChange={setView} />
      {delivering ? <Text className="stats-card__line">通知正在送达，名单随送达进度更新</Text> : null}
      <UnreadList key={`${view}/${unread}`} noticeId={noticeId} needsCall={view === 'call'} />
    </View>
  );
}

function UnreadList({ noticeId, needsCall }: { noticeId: string; needsCall: boolean }) {
  const first = useRemote(
    () => call('notice', 'unread', { noticeId, ...(needsCall ? { needsCall: true } : {}) }),
    [noticeId, needsCall],
  );
  return (
    <RemoteView remote={first}>
      {(page) => <Pages first={page} noticeId={noticeId} needsCall={needsCall} />}
    </RemoteView>
  );
}

function Pages({
  first,
  noticeId,
  needsCall,
}: {
  first: UnreadListView;
  noticeId: string;
  needsCall: boolean;
}) {
  const { pages, next, loading, loadMore } = useMorePages(first, (after) =>
    call('notice', 'unread', {
      noticeId,
      after,
      ...(needsCall ? { needsCall: true } : {}),
    }),
  );
  const items = pages.flatMap((p) => p.items);
  if (items.length === 0)
    return (
      <Text className="stats-card__line">{needsCall ? '暂无需要电话通知的住户' : '暂无未读住户名单'}</Text>
    );
  return (
    <View>
      <Text className="stats-card__line">共 {first.unreadHouseholds} 户未读</Text>
      {items.map((household) => (
        <UnreadRow key={household.householdId} household={household} />
      ))}
      {next ? (
        <Button block fill="outline" size="small" disabled={loading} onClick={() => void loadMore()}>
          {loading ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  );
}

function UnreadRow({ household }: { household: UnreadHouseholdView }) {
  return (
    <View className="unread-row">
      <View className="unread-row__head">
        <Text className="unread-row__room">{household.roomCode}</Text>
        <Text
          className={household.needsCall ? 'unread-row__reach unread-row__reach--call' : 'unread-row__reach'}
        >
          {household.reachLabel}
        </Text>
      </View>
      {household.contacts.map((contact) => (
        <Text key={contact.personId} className="unread-row__contact">
          {contact.name}（{contact.relationLabel}） {contact.phone}
        </Text>
      ))}
    </View>
  );
}
