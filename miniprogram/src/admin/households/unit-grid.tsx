import { Text, View } from '@tarojs/components';
import type { RoomCell } from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { openHousehold } from './household-search';

/** A unit's floors top down, one cell per room: owner, bound or not, vacant shaded. */
export function UnitGrid({ unitId }: { unitId: string }) {
  const rooms = useRemote(() => call('property', 'unitRooms', { unitId }), [unitId]);
  return (
    <RemoteView remote={rooms}>
      {({ floors }) =>
        floors.length === 0 ? (
          <EmptyState title="该单元暂无房屋" glyph="⌂" />
        ) : (
          <View className="unit-grid">
            <Legend />
            {floors.map(({ floor, rooms: cells }) => (
              <View key={floor} className="unit-grid__floor">
                <Text className="unit-grid__floor-no">{floor}F</Text>
                <View className="unit-grid__rooms">
                  {cells.map((cell) => (
                    <RoomCellView key={cell.householdId} cell={cell} />
                  ))}
                </View>
              </View>
            ))}
          </View>
        )
      }
    </RemoteView>
  );
}

function RoomCellView({ cell }: { cell: RoomCell }) {
  const classes = ['room-cell'];
  if (cell.occupancy === 'vacant') classes.push('room-cell--vacant');
  if (cell.bound) classes.push('room-cell--bound');
  return (
    <View className={classes.join(' ')} onClick={() => openHousehold(cell.householdId)}>
      <View className="room-cell__top">
        <Text className="room-cell__no">{cell.roomNo}</Text>
        {cell.bound ? <Text className="room-cell__dot" /> : null}
      </View>
      <Text className="room-cell__owner">{cell.ownerName ?? '未登记'}</Text>
    </View>
  );
}

function Legend() {
  return (
    <View className="unit-grid__legend">
      <View className="unit-grid__legend-item">
        <Text className="room-cell__dot" />
        <Text>已绑定</Text>
      </View>
      <View className="unit-grid__legend-item">
        <Text className="unit-grid__swatch unit-grid__swatch--vacant" />
        <Text>空置</Text>
      </View>
      <View className="unit-grid__legend-item">
        <Text className="unit-grid__swatch" />
        <Text>自住 / 出租</Text>
      </View>
    </View>
  );
}
