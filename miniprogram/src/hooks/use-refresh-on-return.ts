import { useDidShow } from '@tarojs/taro';
import { useEffect, useRef } from 'react';

/**
 * Load again whenever the page shows while this component is mounted. Unlike useReloadOnShow it
 * suits components that mount after the page's first show (below a RemoteView that loads the
 * account first): their first show event is already a return from another page. A show that
 * comes right after mounting only costs one quiet extra load.
 */
export function useRefreshOnReturn(refresh: () => void): void {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
  }, []);
  useDidShow(() => {
    if (mounted.current) refresh();
  });
}
