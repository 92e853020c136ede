import { Text, View } from '@tarojs/components';
import './index.css';

export interface Choice<V extends string | number> {
  value: V;
  label: string;
}

/**
 * Options as tappable chips, for short lists (relations, roles, estates, weekdays). Drawn by us:
 * NutUI's Radio and Checkbox draw their marks with icons, which weapp cannot render.
 */
export function ChoiceChips<V extends string | number>({
  options,
  value,
  onChange,
}: {
  options: readonly Choice<V>[];
  value: V | null;
  onChange: (value: V) => void;
}) {
  return (
    <View className="choice-chips">
      {options.map((option) => (
        <Chip
          key={option.value}
          label={option.label}
          on={option.value === value}
          onTap={() => onChange(option.value)}
        />
      ))}
    </View>
  );
}

/** Several may be chosen; a tap toggles one. */
export function MultiChoiceChips<V extends string | number>({
  options,
  values,
  onChange,
}: {
  options: readonly Choice<V>[];
  values: readonly V[];
  onChange: (values: V[]) => void;
}) {
  const toggle = (value: V) =>
    onChange(values.includes(value) ? values.filter((v) => v !== value) : [...values, value]);
  return (
    <View className="choice-chips">
      {options.map((option) => (
        <Chip
          key={option.value}
          label={option.label}
          on={values.includes(option.value)}
          onTap={() => toggle(option.value)}
        />
      ))}
    </View>
  );
}

function Chip({ label, on, onTap }: { label: string; on: boolean; onTap: () => void }) {
  return (
    <View className={on ? 'choice-chip choice-chip--on' : 'choice-chip'} onClick={onTap}>
      <Text>{label}</Text>
    </View>
  );
}
