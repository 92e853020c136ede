import { useState } from 'react';
import { SegmentTabs } from '../../components/segment-tabs';
import { call } from '../../services/api';
import { ExportBar } from '../components/export-bar';
import { PageLink } from '../components/page-link';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { CallList } from './call-list';
import { ScheduleEditor } from './schedule-editor';
import './index.css';

type Tab = 'open' | 'done' | 'schedule';

/** 催缴: the phone list of households no message reached, and the reminder schedule. */
export default function Dunning() {
  return (
    <StaffPage allow={staffPageRoles.bills}>
      {({ estateId, has }) => (
        <DunningDesk key={estateId} estateId={estateId} canEdit={has('admin', 'finance')} />
      )}
    </StaffPage>
  );
}

function DunningDesk({ estateId, canEdit }: { estateId: string; canEdit: boolean }) {
  const [tab, setTab] = useState<Tab>('open');
  return (
    <>
      {canEdit ? <PageLink url="/admin/payment-habits/index" label="按缴费习惯分群设置催缴策略" /> : null}
      <SegmentTabs
        options={[
          { value: 'open', label: '待电话催缴' },
          { value: 'done', label: '已联系' },
          { value: 'schedule', label: '提醒时间' },
        ]}
        value={tab}
        onChange={setTab}
      />
      {tab === 'schedule' ? (
        <ScheduleEditor estateId={estateId} canEdit={canEdit} />
      ) : (
        <>
          <CallList key={tab} estateId={estateId} status={tab} />
          <ExportBar
            exports={[
              {
                label: tab === 'open' ? '导出待催缴清单' : '导出已联系清单',
                fetch: (format) => call('billing', 'dunning.exportCalls', { estateId, status: tab, format }),
              },
            ]}
          />
        </>
      )}
    </>
  );
}
