import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { complaintStatusLabels, type ComplaintStatus, type ComplaintView } from '@linli/shared';
import { useState } from 'react';
import { ComplaintCard } from '../../components/complaint-card';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { SegmentTabs } from '../../components/segment-tabs';
import { TextArea } from '../../components/text-area';
import { useAction } from '../../hooks/use-action';
import { useRefreshOnReturn } from '../../hooks/use-refresh-on-return';
import { useRemote } from '../../hooks/use-remote';
import { useRouteChoice } from '../../hooks/use-route-choice';
import { call } from '../../services/api';
import { SheetExportButtons } from '../components/export-bar';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import './index.css';
import { useMorePages } from '../../hooks/use-more-pages';

const statuses: ComplaintStatus[] = ['submitted', 'accepted', 'resolved', 'closed'];
const moveLabels: Record<ComplaintStatus, string> = {
  submitted: '退回',
  accepted: '受理',
  resolved: '办结',
  closed: '关闭',
};

/** 投诉建议 of the estate by handling state: accept, resolve or close, replying to the owner. */
export default function Complaints() {
  const [status, setStatus] = useRouteChoice<ComplaintStatus>('status', statuses, 'submitted');
  return (
    <StaffPage allow={staffPageRoles.serviceDesk}>
      {({ estateId }) => (
        <Queue key={`${estateId}/${status}`} estateId={estateId} status={status} onStatus={setStatus} />
      )}
    </StaffPage>
  );
}

function Queue({
  estateId,
  status,
  onStatus,
}: {
  estateId: string;
  status: ComplaintStatus;
  onStatus: (status: ComplaintStatus) => void;
}) {
  const first = useRemote(() => call('service', 'complaints', { estateId, status }), [estateId, status]);
  useRefreshOnReturn(first.refresh);
  const counts = first.status === 'ready' ? first.data.counts : null;
  const tabs = statuses.map((value) => ({
    value,
    label: counts ? `${complaintStatusLabels[value]} ${counts[value]}` : complaintStatusLabels[value],
  }));
  return (
    <>
      <SegmentTabs options={tabs} value={status} onChange={onStatus} />
      <RemoteView remote={first}>
        {(page) => (
          <List
            key={JSON.stringify(page.items)}
            first={page}
            estateId={estateId}
            status={status}
            onChanged={first.refresh}
          />
        )}
      </RemoteView>
      <SheetExportButtons
        load={(format) => call('analytics', 'export.complaints', { estateId, status, format })}
      />
    </>
  );
}

interface Page {
  items: ComplaintView[];
  next?: string;
}

function List({
  first,
  estateId,
  status,
  onChanged,
}: {
  first: Page;
  estateId: string;
  status: ComplaintStatus;
  onChanged: () => void;
}) {
  const { pages, next, loading, loadMore } = useMorePages(first, (after) =>
    call('service', 'complaints', { estateId, status, after }),
  );
  const items = pages.flatMap((p) => p.items);
  if (items.length === 0)
    return <EmptyState title={`没有${complaintStatusLabels[status]}的投诉建议`} glyph="✓" />;
  return (
    <View>
      {items.map((complaint) => (
        <ComplaintCard key={complaint.complaintId} complaint={complaint}>
          <Text className="complaint-admin__who">
            {complaint.roomCode} · {complaint.ownerName}
            {complaint.handlerName ? ` · 处理人 ${complaint.handlerName}` : ''}
          </Text>
          {complaint.allowedMoves.length ? <Handling complaint={complaint} onDone={onChanged} /> : null}
        </ComplaintCard>
      ))}
      {next ? (
        <Button block fill="outline" disabled={loading} onClick={() => void loadMore()}>
          {loading ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  );
}

function Handling({ complaint, onDone }: { complaint: ComplaintView; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [reply, setReply] = useState('');
  const handle = useAction(async (to?: ComplaintStatus) => {
    const text = reply.trim();
    await call('service', 'handleComplaint', {
      complaintId: complaint.complaintId,
      ...(to ? { to } : {}),
      ...(text ? { reply: text } : {}),
    });
    void Taro.showToast({ title: to ? `已${moveLabels[to]}` : '已回复', icon: 'success' });
    onDone();
  });
  if (!open)
    return (
      <Text className="complaint-admin__open" onClick={() => setOpen(true)}>
        处理 / 回复 ›
      </Text>
    );
  return (
    <View className="complaint-admin__panel">
      <TextArea
        value={reply}
        onChange={setReply}
        maxLength={500}
        placeholder="给业主的回复（办结、关闭时必填）"
      />
      {handle.failure ? <Text className="complaint-admin__failure">{handle.failure.message}</Text> : null}
      <View className="complaint-admin__actions">
        <Button
          size="small"
          fill="outline"
          disabled={handle.pending || !reply.trim()}
          onClick={() => void handle.run()}
        >
          仅回复
        </Button>
        {complaint.allowedMoves.map((to) => (
          <Button
            key={to}
            size="small"
            type={to === 'closed' ? 'default' : 'primary'}
            disabled={handle.pending}
            onClick={() => void handle.run(to)}
          >
            {moveLabels[to]}
          </Button>
        ))}
      </View>
    </View>
  );
}
