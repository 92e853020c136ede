import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

/** The root of every page: background, spacing and the theme NutUI reads from CSS variables. */
export function Screen({ children }: { children: ReactNode }) {
  return <View className="screen">{children}</View>;
}
