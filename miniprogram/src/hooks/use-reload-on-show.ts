import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Load again whenever the page shows after its first show: another page (a form, a review) may
 * have changed what it lists while it was hidden. The first show is the first load already.
 */
export function useReloadOnShow(reload: () => void): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) reload();
    shownBefore.current = true;
  });
}
