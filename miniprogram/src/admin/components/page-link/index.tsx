import { Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.css';

/** A line that opens a related staff page: '报修频次分析 ›'. */
export function PageLink({ url, label }: { url: string; label: string }) {
  return (
    <Text className="page-link" onClick={() => void Taro.navigateTo({ url })}>
      {label} ›
    </Text>
  );
}
