import { Text, View } from '@tarojs/components';
import './index.css';

/**
 * Our own spinner, not NutUI's Loading: NutUI icons render an <i>, which the weapp build has no
 * template for (that needs @tarojs/plugin-html), so WeChat would draw nothing in its place.
 */
export function LoadingState({ text = '加载中…' }: { text?: string }) {
  return (
    <View className="loading-state">
      <View className="loading-state__spinner" />
      <Text className="loading-state__text">{text}</Text>
    </View>
  );
}
