import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, type NoticeListItem, type NoticeStatus } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { SegmentTabs } from '../../components/segment-tabs';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import './index.css';
import { useMorePages } from '../../hooks/use-more-pages';

const tabs = [
  { value: 'published', label: '已发布' },
  { value: 'scheduled', label: '待发布' },
  { value: 'draft', label: '草稿' },
  { value: 'withdrawn', label: '已撤回' },
] as const;

/** The estate's notices by status, with how many households have read each published one. */
export default function Notices() {
  const [status, setStatus] = useState<NoticeStatus>('published');
  return (
    <StaffPage allow={staffPageRoles.notices}>
      {({ estateId }) => (
        <>
          <Button
            block
            type="primary"
            className="notices-admin__new"
            onClick={() => void Taro.navigateTo({ url: '/admin/notice-edit/index' })}
          >
            写通知
          </Button>
          <SegmentTabs options={tabs} value={status} onChange={setStatus} />
          <NoticeList key={`${estateId}/${status}`} estateId={estateId} status={status} />
        </>
      )}
    </StaffPage>
  );
}

interface Page {
  items: NoticeListItem[];
  next?: string;
}

function NoticeList({ estateId, status }: { estateId: string; status: NoticeStatus }) {
  const first = useRemote(() => call('notice', 'list', { estateId, status }), [estateId, status]);
  useRefreshOnReturn(first.refresh);
  return (
    <RemoteView remote={first}>
      {(page) => (
        <Pages
          key={JSON.stringify(page.items.map((i) => [i.noticeId, i.updatedAt, i.readRate]))}
          first={page}
          estateId={estateId}
          status={status}
        />
      )}
    </RemoteView>
  );
}

function Pages({ first, estateId, status }: { first: Page; estateId: string; status: NoticeStatus }) {
  const { pages, next, loading, loadMore } = useMorePages(first, (after) =>
    call('notice', 'list', { estateId, status, after }),
  );
  const items = pages.flatMap((p) => p.items);
  if (items.length === 0) return <EmptyState title="暂无通知" glyph="✉" />;
  return (
    <View>
      {items.map((notice) => (
        <NoticeRow key={notice.noticeId} notice={notice} />
      ))}
      {next ? (
        <Button block fill="outline" disabled={loading} onClick={() => void loadMore()}>
          {loading ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  );
}

function NoticeRow({ notice }: { notice: NoticeListItem }) {
  const open = () =>
    void Taro.navigateTo({
      url: notice.canEdit
        ? `/admin/notice-edit/index?id=${encodeURIComponent(notice.noticeId)}`
        : `/admin/notice-stats/index?id=${encodeURIComponent(notice.noticeId)}`,
    });
  const when =
    notice.status === 'scheduled' && notice.publishAt
      ? `定时 ${formatDateTime(notice.publishAt)}`
      : notice.publishedAt
        ? `发布于 ${formatDateTime(notice.publishedAt)}`
        : `创建于 ${formatDateTime(notice.createdAt)}`;
  return (
    <View className="notice-row" onClick={open}>
      <View className="notice-row__head">
        {notice.pinned ? <Text className="notice-row__tag notice-row__tag--pinned">置顶</Text> : null}
        {notice.importance !== 'normal' ? (
          <Text className={`notice-row__tag notice-row__tag--${notice.importance}`}>
            {notice.importanceLabel}
          </Text>
        ) : null}
        <Text className="notice-row__tag">{notice.categoryLabel}</Text>
        <Text className={`notice-row__status notice-row__status--${notice.status}`}>
          {notice.statusLabel}
        </Text>
      </View>
      <Text className="notice-row__title">{notice.title}</Text>
      <Text className="notice-row__meta">
        {notice.targetLabel} · {when}
      </Text>
      {notice.readRate ? (
        <View className="notice-row__rate">
          <View className="rate-bar">
            <View
              className="rate-bar__fill"
              style={{ width: `${Math.min(100, notice.readRate.percent)}%` }}
            />
          </View>
          <Text className="notice-row__rate-text">
            已读 {notice.readRate.read}/{notice.readRate.total} 户 · {notice.readRate.percent}%
          </Text>
        </View>
      ) : null}
    </View>
  );
}
