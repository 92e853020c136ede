import { useState } from 'react';
import { SegmentTabs } from '../../components/segment-tabs';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { BindingQueue, type QueueStatus } from './binding-queue';
import './index.css';

const tabs = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '已驳回' },
] as const;

/** Owners' binding applications for the estate: approve, or reject with a reason they will read. */
export default function Bindings() {
  const [status, setStatus] = useState<QueueStatus>('pending');
  return (
    <StaffPage allow={staffPageRoles.bindings}>
      {({ estateId }) => (
        <>
          <SegmentTabs options={tabs} value={status} onChange={setStatus} />
          <BindingQueue key={`${estateId}/${status}`} estateId={estateId} status={status} />
        </>
      )}
    </StaffPage>
  );
}
