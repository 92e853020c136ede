import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type NoticeReadView } from '@linli/shared';
import { BackRow } from '../../components/back-row';
import { EmptyState } from '../../components/empty-state';
import { MessageBlock } from '../../components/message-block';
import { NoticeBody } from '../../components/notice-body';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import '../../components/notice-card/index.css';
import './index.css';

/** One notice, opened from the feed or from a message card; opening it records the read. */
export default function NoticeDetail() {
  const noticeId = decodeURIComponent(Taro.getCurrentInstance().router?.params.id ?? '');
  const notice = useRemote(() => call('notice', 'open', { noticeId }), [noticeId]);
  return (
    <Screen>
      <BackRow label="返回公告" fallbackUrl="/pages/notices/index" />
      {noticeId ? (
        <RemoteView remote={notice}>{(view) => <Notice notice={view} />}</RemoteView>
      ) : (
        <EmptyState title="未指定公告" description="请从公告列表打开。" glyph="?" />
      )}
    </Screen>
  );
}

function Notice({ notice }: { notice: NoticeReadView }) {
  return (
    <View className="notice-detail">
      {notice.expired ? (
        <MessageBlock tone="warning" title="此公告已过期">
          <Text>内容仅供查阅，可能已不再适用。</Text>
        </MessageBlock>
      ) : null}
      <View className="notice-card__tags">
        {notice.importance !== 'normal' ? (
          <Text className={`notice-tag notice-tag--${notice.importance}`}>{notice.importanceLabel}</Text>
        ) : null}
        <Text className={`notice-tag notice-tag--${notice.category}`}>{notice.categoryLabel}</Text>
      </View>
      <Text className="notice-detail__title">{notice.title}</Text>
      <Text className="notice-detail__meta">
        {notice.publisher} · {formatDateTime(notice.publishedAt)}
      </Text>
      <NoticeBody body={notice.body} />
      {notice.roomCodes.length ? (
        <Text className="notice-detail__for">与您的房屋 {notice.roomCodes.join('、')} 有关</Text>
      ) : null}
    </View>
  );
}
