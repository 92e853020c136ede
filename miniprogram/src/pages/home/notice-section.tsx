import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { NoticeFeedView } from '@linli/shared';
import { useEffect } from 'react';
import { NoticeCard } from '../../components/notice-card';
import { RemoteView } from '../../components/remote-view';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { HOME_TAB, showTabCount } from '../../services/tab-badge';
import './notice-section.css';

/** How many non-pinned notices 首页 shows; the rest are one tap away. */
const SHOWN = 3;

/** 社区公告 on 首页: pinned first, then the latest, with the unread count on the section and the tab. */
export function NoticeSection({ householdId }: { householdId: string }) {
  const feed = useRemote(() => call('notice', 'feed', { householdId, limit: SHOWN }), [householdId]);
  // Reading a notice happens on its own page: come back to fewer unread.
  useRefreshOnReturn(feed.refresh);
  const unread = feed.status === 'ready' ? feed.data.unreadCount : 0;
  useEffect(() => showTabCount(HOME_TAB, unread), [unread]);

  return (
    <View className="home-notices">
      <View
        className="home-notices__head"
        onClick={() => void Taro.navigateTo({ url: '/pages/notices/index' })}
      >
        <Text className="home-notices__title">社区公告</Text>
        {unread > 0 ? <Text className="home-notices__badge">{unread} 条未读</Text> : null}
        <Text className="home-notices__more">全部 ›</Text>
      </View>
      <RemoteView remote={feed}>{(view) => <FeedCards view={view} />}</RemoteView>
    </View>
  );
}

function FeedCards({ view }: { view: NoticeFeedView }) {
  const cards = [...view.pinned, ...view.items.slice(0, SHOWN)];
  if (cards.length === 0) return <Text className="home-notices__empty">暂无公告</Text>;
  return (
    <>
      {cards.map((notice) => (
        <NoticeCard key={notice.noticeId} notice={notice} />
      ))}
    </>
  );
}
