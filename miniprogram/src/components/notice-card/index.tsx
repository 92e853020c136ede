import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type NoticeCard as Card } from '@linli/shared';
import { fileUrl } from '../../services/upload';
import './index.css';

export const noticeDetailUrl = (noticeId: string): string =>
  `/pages/notice-detail/index?id=${encodeURIComponent(noticeId)}`;

/** One notice in the owner's feed: pinned and importance first, a dot while unread. */
export function NoticeCard({ notice, onOpen }: { notice: Card; onOpen?: (noticeId: string) => void }) {
  const open = () => {
    onOpen?.(notice.noticeId);
    void Taro.navigateTo({ url: noticeDetailUrl(notice.noticeId) });
  };
  return (
    <View className={notice.read ? 'notice-card' : 'notice-card notice-card--unread'} onClick={open}>
      <View className="notice-card__main">
        <View className="notice-card__tags">
          {notice.pinned ? <Text className="notice-tag notice-tag--pinned">置顶</Text> : null}
          {notice.importance !== 'normal' ? (
            <Text className={`notice-tag notice-tag--${notice.importance}`}>{notice.importanceLabel}</Text>
          ) : null}
          <Text className={`notice-tag notice-tag--${notice.category}`}>{notice.categoryLabel}</Text>
          {notice.read ? null : <View className="notice-card__dot" />}
        </View>
        <Text className="notice-card__title">{notice.title}</Text>
        <Text className="notice-card__excerpt">{notice.excerpt}</Text>
        <Text className="notice-card__time">{formatDateTime(notice.publishedAt)}</Text>
      </View>
      {notice.coverFileId ? (
        <Image className="notice-card__cover" src={fileUrl(notice.coverFileId)} mode="aspectFill" />
      ) : null}
    </View>
  );
}
