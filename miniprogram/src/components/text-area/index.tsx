import { Text, Textarea, View } from '@tarojs/components';
import './index.css';

interface TextAreaProps {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength: number;
}

/**
 * Several lines of text with a count, on the platform's own textarea: NutUI's TextArea would pull
 * its stylesheet into the main package for owner pages.
 */
export function TextArea({ value, onChange, placeholder, maxLength }: TextAreaProps) {
  return (
    <View className="text-area">
      <Textarea
        className="text-area__input"
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        autoHeight
        onInput={(event) => onChange(event.detail.value)}
      />
      <Text className="text-area__count">
        {value.length}/{maxLength}
      </Text>
    </View>
  );
}
