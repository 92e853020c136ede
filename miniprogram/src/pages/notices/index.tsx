import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MeView, NoticeFeedView } from '@linli/shared';
import { useState } from 'react';
import { BackRow } from '../../components/back-row';
import { BindNotice } from '../../components/bind-notice';
import { EmptyState } from '../../components/empty-state';
import { NoticeCard } from '../../components/notice-card';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { useRemote } from '../../hooks/use-remote';
import { useSubscribeMoment } from '../../hooks/use-subscribe-moment';
import { call, messageOf } from '../../services/api';
import { pickCurrentHousehold } from '../../state/current-household';
import './index.css';

/** Every live notice for the current home: pinned first, then newest first, 20 at a time. */
export default function Notices() {
  const me = useRemote(() => call('account', 'me', {}), []);
  return (
    <Screen>
      <BackRow label="返回首页" fallbackUrl="/pages/home/index" fallbackIsTab />
      <RemoteView remote={me}>{(account) => <ForHome account={account} />}</RemoteView>
    </Screen>
  );
}

function ForHome({ account }: { account: MeView }) {
  const household = pickCurrentHousehold(account.households);
  if (!household) return <BindNotice />;
  return <Feed householdId={household.householdId} />;
}

function Feed({ householdId }: { householdId: string }) {
  const first = useRemote(() => call('notice', 'feed', { householdId }), [householdId]);
  useRefreshOnReturn(first.refresh);
  return (
    <RemoteView remote={first}>
      {(page) => <FeedPages key={JSON.stringify(page)} first={page} householdId={householdId} />}
    </RemoteView>
  );
}

function FeedPages({ first, householdId }: { first: NoticeFeedView; householdId: string }) {
  const [pages, setPages] = useState([first]);
  const [loading, setLoading] = useState(false);
  const next = pages[pages.length - 1]?.next;
  const subscription = useSubscribeMoment('notice_feed');

  const loadMore = async () => {
    if (!next || loading) return;
    setLoading(true);
    try {
      const page = await call('notice', 'feed', { householdId, after: next });
      setPages((all) => [...all, page]);
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setLoading(false);
    }
  };

  const askForMessages = async () => {
    const result = await subscription.ask.run();
    if (result)
      void Taro.showToast({ title: result.accepted ? '已开启新公告提醒' : '未开启提醒', icon: 'none' });
  };

  const cards = [...first.pinned, ...pages.flatMap((p) => p.items)];
  return (
    <View>
      <View className="notices__head">
        <Text className="notices__summary">
          {first.unreadCount > 0 ? `${first.unreadCount} 条未读` : '全部已读'}
        </Text>
        {subscription.available ? (
          <Text className="notices__subscribe" onClick={() => void askForMessages()}>
            新公告提醒我 ›
          </Text>
        ) : null}
      </View>
      {subscription.ask.failure ? (
        <Text className="notices__failure">{subscription.ask.failure.message}</Text>
      ) : null}
      {cards.length === 0 ? (
        <EmptyState title="暂无公告" description="物业发布与您有关的通知后会显示在这里。" glyph="✉" />
      ) : (
        cards.map((notice) => <NoticeCard key={notice.noticeId} notice={notice} />)
      )}
      {next ? (
        <Button block fill="outline" disabled={loading} onClick={() => void loadMore()}>
          {loading ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  );
}
