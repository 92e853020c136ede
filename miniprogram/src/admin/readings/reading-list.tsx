import type { MeterKind, MeterReadingView } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { ReadingCard } from './reading-card';

interface ListProps {
  estateId: string;
  period: string;
  meter: MeterKind;
  status?: 'pending_review';
  canReview: boolean;
}

/** A month's readings of one meter kind in room order (or only those waiting for review). */
export function ReadingList(props: ListProps) {
  const { estateId, period, meter, status } = props;
  const first = useRemote(
    () => call('billing', 'readings.list', { estateId, period, meter, ...(status ? { status } : {}) }),
    [],
  );
  return <RemoteView remote={first}>{(page) => <Pages {...props} first={page} />}</RemoteView>;
}

function Pages({
  estateId,
  period,
  meter,
  status,
  canReview,
  first,
}: ListProps & { first: { items: MeterReadingView[]; next?: string } }) {
  const [readings, setReadings] = useState(first.items);
  const [next, setNext] = useState(first.next);
  const more = useAction(async (after: string) => {
    const page = await call('billing', 'readings.list', {
      estateId,
      period,
      meter,
      after,
      ...(status ? { status } : {}),
    });
    setReadings((shown) => [...shown, ...page.items]);
    setNext(page.next);
  });
  const replace = (changed: MeterReadingView) =>
    setReadings((shown) => shown.map((r) => (r.readingId === changed.readingId ? changed : r)));
  if (readings.length === 0)
    return status ? (
      <EmptyState
        title="没有待复核的读数"
        description="用量异常的读数会列在这里，确认后才会出账。"
        glyph="✓"
      />
    ) : (
      <EmptyState title="本期暂无读数" glyph="○" />
    );
  return (
    <>
      {readings.map((reading) => (
        <ReadingCard key={reading.readingId} reading={reading} canReview={canReview} onReviewed={replace} />
      ))}
      {more.failure ? <MessageBlock tone="error" title={more.failure.message} /> : null}
      {next ? (
        <Button block fill="outline" disabled={more.pending} onClick={() => void more.run(next)}>
          {more.pending ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </>
  );
}
