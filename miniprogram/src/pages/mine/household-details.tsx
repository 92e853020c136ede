import { Text, View } from '@tarojs/components';
import type { HomeView } from '@linli/shared';
import { HouseFacts, ParkingFacts } from '../../components/house-facts';
import { Cell, CellGroup, Tag } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
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
      <HouseFacts home={home} />

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

      <ParkingFacts spaces={home.parkingSpaces} />
    </>
  );
}
