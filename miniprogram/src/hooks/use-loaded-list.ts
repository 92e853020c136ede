import { useState } from 'react';
import { useAction } from './use-action';

interface ListPage<T> {
  items: T[];
  next?: string;
}

/**
 * A list shown from its `first` page: `more.run(next)` appends the page after it (its
 * failure kept for the page to show), and `replace` swaps in an item a card changed, found by key.
 */
export function useLoadedList<T>(
  first: ListPage<T>,
  fetchAfter: (after: string) => Promise<ListPage<T>>,
  keyOf: (item: T) => string,
) {
  const [items, setItems] = useState(first.items);
  const [next, setNext] = useState(first.next);
  const more = useAction(async (after: string) => {
    const page = await fetchAfter(after);
    setItems((shown) => [...shown, ...page.items]);
    setNext(page.next);
  });
  const replace = (changed: T) =>
    setItems((shown) => shown.map((item) => (keyOf(item) === keyOf(changed) ? changed : item)));
  return { items, next, more, replace };
}
