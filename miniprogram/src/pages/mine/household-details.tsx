import { Text, View } from '@tarojs/components';
import type { HomeView } from '@linli/shared';
import { InfoRow } from '../../components/info-row';
import { Cell, CellGroup, Tag } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { squareMeters } from '../../format';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

/** The owner's household as 物业 registered it: the home, the family in it, its parking. */
export function HouseholdDetails({ householdId }: { householdId: string }) {
  const home = useRemote(() => call('property', 'myHome', { householdId }), [householdId]);
  return <RemoteView remote={home}>{(view) => <HomeFacts home={view} />}</RemoteView>;
}

function HomeFacts({ home }: { home: HomeView }) {
  return (
    <>
      <CellGroup title="房屋信息">
        <InfoRow label="小区" value={home.estateName} />
        <InfoRow label="楼栋" value={home.buildingName} />
        <InfoRow label="单元" value={home.unitName} />
        <InfoRow label="房号" value={home.roomNo} />
        <InfoRow label="房屋编号" value={home.roomCode} />
        <InfoRow label="建筑面积" value={squareMeters(home.buildingArea)} />
        <InfoRow label="套内面积" value={squareMeters(home.innerArea)} />
        <InfoRow label="户型" value={home.layout} />
        <InfoRow label="类型" value={home.propertyTypeLabel} />
        <InfoRow label="入住状态" value={home.occupancyLabel} />
        <InfoRow label="交房日期" value={home.handoverDate} />
      </CellGroup>

      <CellGroup title={`家庭成员（${home.members.length}）`}>
        {home.members.length === 0 ? <Cell title="暂无登记的家庭成员" /> : null}
        {home.members.map((member) => (
          <Cell
            key={member.personId}
            title={
              <View className="mine__member">
                <Text>{member.name}</Text>
                {member.isSelf ? (
                  <Tag background="#f0fdf4" color="#16a34a">
                    本人
                  </Tag>
                ) : null}
              </View>
            }
            description={member.phone ?? '未登记手机号'}
            extra={member.relationLabel}
          />
        ))}
      </CellGroup>

      <CellGroup title="车位">
        {home.parkingSpaces.length === 0 ? (
          <Cell title="暂无登记的车位" />
        ) : (
          home.parkingSpaces.map((space) => (
            <Cell
              key={space.code}
              title={space.code}
              extra={space.plates.length ? space.plates.join('、') : '未登记车牌'}
            />
          ))
        )}
      </CellGroup>
    </>
  );
}
