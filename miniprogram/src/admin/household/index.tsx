import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { HouseholdDetail } from '@linli/shared';
import { EmptyState } from '../../components/empty-state';
import { HouseFacts, ParkingFacts } from '../../components/house-facts';
import { Cell, CellGroup } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { Members } from './members';
import './index.css';

/** One household as staff see it: the room, who lives there and who did, bindings, parking. */
export default function Household() {
  const householdId = useRouter().params.householdId;
  return (
    <StaffPage allow={staffPageRoles.households} pickEstate={false}>
      {() =>
        householdId ? (
          <HouseholdView householdId={decodeURIComponent(householdId)} />
        ) : (
          <EmptyState title="未指定房屋" description="请从「房屋住户」中选择一套房屋。" glyph="?" />
        )
      }
    </StaffPage>
  );
}

function HouseholdView({ householdId }: { householdId: string }) {
  const detail = useRemote(() => call('property', 'household', { householdId }), [householdId]);
  return <RemoteView remote={detail}>{(household) => <Detail household={household} />}</RemoteView>;
}

function Detail({ household }: { household: HouseholdDetail }) {
  return (
    <>
      <View className="household__hero">
        <Text className="household__room">{household.roomCode}</Text>
        <Text className="household__estate">
          {household.estateName} · {household.occupancyLabel}
        </Text>
      </View>
      <Members household={household} />
      <HouseFacts home={household} />
      <FormerMembers members={household.formerMembers} />
      <Bindings bindings={household.bindings} />
      <ParkingFacts spaces={household.parkingSpaces} />
    </>
  );
}

function FormerMembers({ members }: { members: HouseholdDetail['formerMembers'] }) {
  if (members.length === 0) return null;
  return (
    <CellGroup title={`曾住成员（${members.length}）`}>
      {members.map((member, index) => (
        <Cell
          key={`${member.name}/${index}`}
          title={member.name}
          description={`${member.movedInOn ?? '入住日期未登记'} 至 ${member.movedOutOn ?? ''}`}
          extra={member.relationLabel}
        />
      ))}
    </CellGroup>
  );
}

function Bindings({ bindings }: { bindings: HouseholdDetail['bindings'] }) {
  return (
    <CellGroup title="微信绑定">
      {bindings.length === 0 ? <Cell title="暂无绑定记录" /> : null}
      {bindings.map((binding) => (
        <Cell
          key={binding.bindingId}
          title={binding.accountName || '微信用户'}
          description={binding.relationLabel}
          extra={binding.status}
        />
      ))}
    </CellGroup>
  );
}
