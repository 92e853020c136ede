import { Text, View } from '@tarojs/components';
import './index.css';

const STARS = [1, 2, 3, 4, 5] as const;
const words = ['', '很不满意', '不满意', '一般', '满意', '非常满意'];

/** 1–5 stars drawn as text (icons would not render in weapp); read-only without `onChange`. */
export function StarRating({ value, onChange }: { value: number; onChange?: (value: number) => void }) {
  return (
    <View className="star-rating">
      {STARS.map((star) => (
        <Text
          key={star}
          className={star <= value ? 'star-rating__star star-rating__star--on' : 'star-rating__star'}
          onClick={onChange ? () => onChange(star) : undefined}
        >
          ★
        </Text>
      ))}
      {value > 0 ? <Text className="star-rating__word">{words[value]}</Text> : null}
    </View>
  );
}
