import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { EmptyState } from '../../../components/empty-state';

/**
 * The server refuses owners every staff action anyway; this only spares them a page of errors.
 * It sends them back to 我的, where the entry is not shown to them.
 */
export function OwnersAway() {
  useEffect(() => {
    void Taro.showToast({ title: '仅物业员工可使用工作台', icon: 'none' });
    const timer = setTimeout(() => void Taro.switchTab({ url: '/pages/mine/index' }), 1200);
    return () => clearTimeout(timer);
  }, []);
  return <EmptyState title="仅物业员工可使用工作台" description="正在返回「我的」…" glyph="⚙" />;
}
