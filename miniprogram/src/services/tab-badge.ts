import Taro from '@tarojs/taro';

/** The 首页 tab, where unread notices show. */
export const HOME_TAB = 0;

/**
 * Show a count on a tab (99+ beyond), or clear it at zero. Failing here (a page without the tab
 * bar) only loses a badge, so it is ignored.
 */
export function showTabCount(index: number, count: number): void {
  const done = () => undefined;
  if (count > 0) {
    Taro.setTabBarBadge({ index, text: count > 99 ? '99+' : String(count) }).then(done, done);
  } else {
    Taro.removeTabBarBadge({ index }).then(done, done);
  }
}
