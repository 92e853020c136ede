import type { MeterKind, MeterReadingView } from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { LoadMore } from '../../components/load-more';
import { RemoteView } from '../../components/remote-view';
import { useLoadedList } from '../../hooks/use-loaded-list';
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
  const list = useLoadedList(
    first,
    (after) =>
      call('billing', 'readings.list', {
        estateId,
        period,
        meter,
        after,
        ...(status ? { status } : {}),
      }),
    (reading) => reading.readingId,
  );
  const { items: readings, replace } = list;
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
      <LoadMore list={list} />
    </>
  );
}
