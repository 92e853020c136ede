import { Text } from '@tarojs/components';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { HouseholdSearch } from './household-search';
import { StructureBrowser } from './structure-browser';
import './index.css';

/** Find a household by what the caller knows, or walk 楼栋 → 单元 → 楼层 to it. */
export default function Households() {
  return (
    <StaffPage allow={staffPageRoles.households}>
      {({ estateId, has }) => (
        <>
          <HouseholdSearch key={estateId} estateId={estateId} byPhone={has('admin', 'service', 'finance')} />
          <Text className="section-title">楼栋浏览</Text>
          <StructureBrowser key={`tree/${estateId}`} estateId={estateId} />
        </>
      )}
    </StaffPage>
  );
}
