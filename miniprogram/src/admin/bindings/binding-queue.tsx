import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { BindingQueueItem } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call, messageOf } from '../../services/api';
import { BindingCard } from './binding-card';
import { RejectDialog } from './reject-dialog';

export type QueueStatus = 'pending' | 'approved' | 'rejected';

const emptyText: Record<QueueStatus, string> = {
  pending: '暂无待审核的绑定申请',
  approved: '暂无已通过的申请',
  rejected: '暂无已驳回的申请',
};

interface Page {
  items: BindingQueueItem[];
  next?: string;
}

/** One tab of the queue, oldest first (first come, first served), 50 at a time. */
export function BindingQueue({ estateId, status }: { estateId: string; status: QueueStatus }) {
  const first = useRemote(() => call('binding', 'queue', { estateId, status }), [estateId, status]);
  useReloadOnShow(first.refresh);
  return (
    <RemoteView remote={first}>
      {(page) => (
        <QueueList
          key={page.items.map((i) => i.bindingId).join()}
          first={page}
          estateId={estateId}
          status={status}
        />
      )}
    </RemoteView>
  );
}

function QueueList({ first, estateId, status }: { first: Page; estateId: string; status: QueueStatus }) {
  const [pages, setPages] = useState<Page[]>([first]);
  const [decided, setDecided] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState<BindingQueueItem | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const next = pages[pages.length - 1]?.next;
  const items = pages.flatMap((p) => p.items).filter((item) => !decided.includes(item.bindingId));

  const loadMore = async () => {
    if (!next || loadingMore) return;
    setLoadingMore(true);
    try {
      const page = await call('binding', 'queue', { estateId, status, after: next });
      setPages((all) => [...all, page]);
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setLoadingMore(false);
    }
  };

  const approve = async (item: BindingQueueItem) => {
    try {
      await call('binding', 'decide', { bindingId: item.bindingId, decision: 'approve' });
      setDecided((ids) => [...ids, item.bindingId]);
      void Taro.showToast({ title: `已通过 ${item.roomCode}`, icon: 'success' });
    } catch (error) {
      void Taro.showModal({ title: '操作失败', content: messageOf(error), showCancel: false });
    }
  };

  if (items.length === 0 && !next) return <EmptyState title={emptyText[status]} glyph="✓" />;
  return (
    <View>
      {items.map((item) => (
        <BindingCard
          key={item.bindingId}
          item={item}
          onApprove={() => approve(item)}
          onReject={() => setRejecting(item)}
        />
      ))}
      {next ? (
        <Button block fill="outline" disabled={loadingMore} onClick={() => void loadMore()}>
          {loadingMore ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
      <RejectDialog
        item={rejecting}
        onClose={() => setRejecting(null)}
        onRejected={(item) => {
          setRejecting(null);
          setDecided((ids) => [...ids, item.bindingId]);
          void Taro.showToast({ title: `已驳回 ${item.roomCode}`, icon: 'none' });
        }}
      />
    </View>
  );
}
