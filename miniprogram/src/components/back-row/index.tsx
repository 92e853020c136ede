import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './index.css';

interface BackRowProps {
  label: string;
  /** Where to go when there is no page to go back to (the page was opened directly). */
  fallbackUrl: string;
  fallbackIsTab?: boolean;
}

/** Back to the previous page, or to `fallbackUrl` when this page was opened directly. */
export function goBack(fallbackUrl: string, fallbackIsTab = false): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else if (fallbackIsTab) void Taro.switchTab({ url: fallbackUrl });
  else void Taro.redirectTo({ url: fallbackUrl });
}

/** H5 has no navigation bar: pages opened from another page offer their own way back. */
export function BackRow({ label, fallbackUrl, fallbackIsTab = false }: BackRowProps) {
  if (process.env.TARO_ENV !== 'h5') return null;
  return (
    <View className="back-row" onClick={() => goBack(fallbackUrl, fallbackIsTab)}>
      <Text className="back-row__text">‹ {label}</Text>
    </View>
  );
}
