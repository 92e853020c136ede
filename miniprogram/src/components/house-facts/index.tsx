import type { HomeView } from '@linli/shared';
import { squareMeters } from '../../format';
import { InfoRow } from '../info-row';
import { Cell, CellGroup } from '../nutui';

type House = Omit<HomeView, 'members' | 'parkingSpaces'>;

/** A room as 物业 registered it; owners (我的) and staff (房屋详情) read the same facts. */
export function HouseFacts({ home }: { home: House }) {
  return (
    <CellGroup title="房屋信息">
      <InfoRow label="小区" value={home.estateName} />
      <InfoRow label="楼栋" value={home.buildingName} />
      <InfoRow label="单元" value={home.unitName} />
      <InfoRow label="楼层" value={`${home.floor} 层`} />
      <InfoRow label="房号" value={home.roomNo} />
      <InfoRow label="房屋编号" value={home.roomCode} />
      <InfoRow label="建筑面积" value={squareMeters(home.buildingArea)} />
      <InfoRow label="套内面积" value={squareMeters(home.innerArea)} />
      <InfoRow label="户型" value={home.layout} />
      <InfoRow label="类型" value={home.propertyTypeLabel} />
      <InfoRow label="入住状态" value={home.occupancyLabel} />
      <InfoRow label="交房日期" value={home.handoverDate} />
    </CellGroup>
  );
}

export function ParkingFacts({ spaces }: { spaces: HomeView['parkingSpaces'] }) {
  return (
    <CellGroup title="车位">
      {spaces.length === 0 ? (
        <Cell title="暂无登记的车位" />
      ) : (
        spaces.map((space) => (
          <Cell
            key={space.code}
            title={space.code}
            extra={space.plates.length ? space.plates.join('、') : '未登记车牌'}
          />
        ))
      )}
    </CellGroup>
  );
}
