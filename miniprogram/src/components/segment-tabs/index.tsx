import { Text, View } from '@tarojs/components';
import type { Choice } from '../choice-chips';
import './index.css';

/** Two to four views of one page (房号验证 / 邀请码, 待审核 / 已通过 / 已驳回). */
export function SegmentTabs<V extends string>({
  options,
  value,
  onChange,
}: {
  options: readonly Choice<V>[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <View className="segment-tabs">
      {options.map((option) => (
        <View
          key={option.value}
          className={option.value === value ? 'segment-tab segment-tab--on' : 'segment-tab'}
          onClick={() => option.value !== value && onChange(option.value)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  );
}
