import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.css';

interface StatTileProps {
  label: string;
  value: string | number;
  unit?: string;
  /** Two columns wide, for long numbers such as areas. */
  wide?: boolean;
}

/** A big number with its label, for the 工作台 overview. */
export function StatTile({ label, value, unit, wide = false }: StatTileProps) {
  return (
    <View className={wide ? 'stat-tile stat-tile--wide' : 'stat-tile'}>
      <View>
        <Text className="stat-tile__value">{value}</Text>
        {unit ? <Text className="stat-tile__unit">{unit}</Text> : null}
      </View>
      <Text className="stat-tile__label">{label}</Text>
    </View>
  );
}

/** Tiles in rows of three. */
export function StatGrid({ children }: { children: ReactNode }) {
  return <View className="stat-grid">{children}</View>;
}
