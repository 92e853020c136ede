import { Text, View } from '@tarojs/components';
import type { TreeView } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { UnitGrid } from './unit-grid';

type Building = TreeView['buildings'][number];

/** 楼栋 → 单元; a tapped unit opens its floors right under its building. */
export function StructureBrowser({ estateId }: { estateId: string }) {
  const tree = useRemote(() => call('property', 'tree', { estateId }), [estateId]);
  const [unitId, setUnitId] = useState<string | null>(null);
  const toggle = (id: string) => setUnitId((open) => (open === id ? null : id));
  return (
    <RemoteView remote={tree}>
      {({ buildings }) =>
        buildings.length === 0 ? (
          <EmptyState title="暂无楼栋" description="管理员可在「导入导出」批量导入楼栋与房屋。" glyph="⌂" />
        ) : (
          <>
            {buildings.map((building) => (
              <BuildingBlock
                key={building.buildingId}
                building={building}
                openUnitId={unitId}
                onUnit={toggle}
              />
            ))}
          </>
        )
      }
    </RemoteView>
  );
}

function BuildingBlock({
  building,
  openUnitId,
  onUnit,
}: {
  building: Building;
  openUnitId: string | null;
  onUnit: (unitId: string) => void;
}) {
  const households = building.units.reduce((sum, unit) => sum + unit.households, 0);
  const open = building.units.find((unit) => unit.unitId === openUnitId) ?? null;
  return (
    <View className="building">
      <View className="building__head">
        <Text className="building__name">{building.name}</Text>
        <Text className="building__meta">
          {building.floors} 层 · {building.units.length} 个单元 · {households} 户
        </Text>
      </View>
      <ChoiceChips
        options={building.units.map((unit) => ({
          value: unit.unitId,
          label: `${unit.name}（${unit.households} 户）`,
        }))}
        value={open?.unitId ?? null}
        onChange={onUnit}
      />
      {open ? <UnitGrid key={open.unitId} unitId={open.unitId} /> : null}
    </View>
  );
}
