import { useRouter } from '@tarojs/taro';
import { EmptyState } from '../../components/empty-state';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { StaffPage } from '../components/staff-page';
import { StaffForm } from './staff-form';
import './index.css';

/** Add a staff member (`?estateId=`), or edit one (`&staffId=`). Admins only. */
export default function StaffEdit() {
  const { staffId, estateId: listedIn } = useRouter().params;
  return (
    <StaffPage allow={['admin']} pickEstate={false}>
      {({ account, estateId }) =>
        staffId ? (
          <ExistingMember
            staffId={staffId}
            estateId={listedIn ?? estateId}
            estateIds={account.staffEstateIds}
          />
        ) : (
          <StaffForm estateIds={account.staffEstateIds} defaultEstateId={listedIn ?? estateId} />
        )
      }
    </StaffPage>
  );
}

/** There is no staff.get: the member is read from the list of the estate it was opened from. */
function ExistingMember({
  staffId,
  estateId,
  estateIds,
}: {
  staffId: string;
  estateId: string;
  estateIds: string[];
}) {
  const list = useRemote(() => call('staff', 'list', { estateId }), [estateId]);
  return (
    <RemoteView remote={list}>
      {({ staff }) => {
        const member = staff.find((m) => m.staffId === staffId);
        return member ? (
          <StaffForm estateIds={estateIds} defaultEstateId={estateId} member={member} />
        ) : (
          <EmptyState title="未找到该员工" description="该员工可能已调离本小区，请返回列表刷新。" glyph="?" />
        );
      }}
    </RemoteView>
  );
}
