import { Text, View } from '@tarojs/components';
import { relationLabels, type BoundHousehold } from '@linli/shared';
import type { ReactNode } from 'react';
import './index.css';

/** The household the owner is looking at, as a card; `action` goes in its corner (切换, say). */
export function HouseholdCard({ household, action }: { household: BoundHousehold; action?: ReactNode }) {
  return (
    <View className="household-card">
      <View className="household-card__head">
        <Text className="household-card__estate">{household.estateName}</Text>
        {action}
      </View>
      <Text className="household-card__room">{household.roomCode}</Text>
      <Text className="household-card__relation">{relationLabelOf(household.relation)}</Text>
    </View>
  );
}

export function relationLabelOf(relation: string): string {
  return relation in relationLabels ? relationLabels[relation as keyof typeof relationLabels] : relation;
}
