import { Picker, Text } from '@tarojs/components';
import { Cell } from '../nutui';
import './index.css';

export interface PickerOption {
  value: string;
  label: string;
}

interface OptionPickerProps {
  title: string;
  options: PickerOption[];
  value: string;
  onChange: (value: string) => void;
}

/** A one-line chooser (household, estate) on the platform's own picker. */
export function OptionPicker({ title, options, value, onChange }: OptionPickerProps) {
  const index = Math.max(
    0,
    options.findIndex((option) => option.value === value),
  );
  return (
    <Picker
      mode="selector"
      range={options.map((option) => option.label)}
      value={index}
      onChange={(event) => {
        const chosen = options[Number(event.detail.value)];
        if (chosen && chosen.value !== value) onChange(chosen.value);
      }}
    >
      <Cell
        title={title}
        clickable
        extra={<Text className="option-picker__value">{options[index]?.label ?? '请选择'} ›</Text>}
      />
    </Picker>
  );
}
