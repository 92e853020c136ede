import { Text } from '@tarojs/components';
import type { ComponentProps } from 'react';
import { Input } from '../nutui';

type InputProps = ComponentProps<typeof Input>;

/**
 * NutUI's Input always renders its clear icon, hidden unless `clearable`: an icon is an <i>, which
 * the weapp build has no template for. An empty Text takes its place.
 */
export function TextInput(props: Omit<InputProps, 'clearable' | 'clearIcon'>) {
  return <Input {...props} clearIcon={<Text />} />;
}
