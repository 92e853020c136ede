import Taro from '@tarojs/taro';
import { useState } from 'react';
import { messageOf } from '../services/api';

/**
 * A list loaded page by page after its `first` page: `loadMore` fetches the page after the last
 * one (ignored while a load is running or when there is none), and a failure is shown as a toast
 * with the pages kept.
 */
export function useMorePages<P extends { next?: string | null }>(
  first: P,
  fetchAfter: (after: string) => Promise<P>,
): { pages: P[]; next: string | null | undefined; loading: boolean; loadMore: () => Promise<void> } {
  const [pages, setPages] = useState<P[]>([first]);
  const [loading, setLoading] = useState(false);
  const next = pages[pages.length - 1]?.next;
  const loadMore = async () => {
    if (!next || loading) return;
    setLoading(true);
    try {
      const page = await fetchAfter(next);
      setPages((all) => [...all, page]);
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setLoading(false);
    }
  };
  return { pages, next, loading, loadMore };
}
