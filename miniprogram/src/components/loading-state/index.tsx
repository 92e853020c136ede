import { View } from '@tarojs/components';
import { Loading } from '../nutui';
import './index.css';

export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="loading-state">
      <Loading direction="vertical">{text}</Loading>
    </View>
  );
}
