import { MessageBlock } from '../message-block';
import { Button } from '../nutui';
import type { useLoadedList } from '../../hooks/use-loaded-list';

type LoadedList = Pick<ReturnType<typeof useLoadedList>, 'next' | 'more'>;

/** The foot of a `useLoadedList` list: why the last load failed, and 加载更多 while there is more. */
export function LoadMore({ list }: { list: LoadedList }) {
  const { next, more } = list;
  return (
    <>
      {more.failure ? <MessageBlock tone="error" title={more.failure.message} /> : null}
      {next ? (
        <Button block fill="outline" disabled={more.pending} onClick={() => void more.run(next)}>
          {more.pending ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </>
  );
}
