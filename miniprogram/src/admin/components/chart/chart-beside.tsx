import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A small chart (a ring, an arc) on the left, its figures written out on the right. */
export function ChartBeside({ chart, children }: { chart: ReactNode; children: ReactNode }) {
  return (
    <View className="chart-beside">
      <View className="chart-beside__chart">{chart}</View>
      <View className="chart-beside__side">{children}</View>
    </View>
  );
}
