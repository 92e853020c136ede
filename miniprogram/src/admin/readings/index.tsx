import { Text, View } from '@tarojs/components';
import { addPeriods, meterLabels, periodOf, type MeterKind } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { SegmentTabs } from '../../components/segment-tabs';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { ReadingEntry } from './reading-entry';
import { ReadingImport } from './reading-import';
import { ReadingList } from './reading-list';
import './index.css';

type Tab = 'entry' | 'import' | 'review' | 'list';

const meterOptions = (Object.keys(meterLabels) as MeterKind[]).map((value) => ({
  value,
  label: `${meterLabels[value]}表`,
}));

/** 抄表: enter a reading per room or import a month's sheet, review the outliers, see a month's readings. */
export default function Readings() {
  return (
    <StaffPage allow={staffPageRoles.readings}>
      {({ estateId, has }) => (
        <ReadingDesk key={estateId} estateId={estateId} canReview={has('admin', 'finance')} />
      )}
    </StaffPage>
  );
}

function ReadingDesk({ estateId, canReview }: { estateId: string; canReview: boolean }) {
  const thisMonth = periodOf(Date.now());
  // A reading closes a usage month; last month's is the one usually entered now.
  const periods = [addPeriods(thisMonth, -2), addPeriods(thisMonth, -1), thisMonth];
  const [period, setPeriod] = useState(addPeriods(thisMonth, -1));
  const [meter, setMeter] = useState<MeterKind>('water');
  const [tab, setTab] = useState<Tab>('entry');
  return (
    <>
      <SegmentTabs
        options={[
          { value: 'entry', label: '录入读数' },
          { value: 'import', label: '批量导入' },
          { value: 'review', label: '待复核' },
          { value: 'list', label: '本期读数' },
        ]}
        value={tab}
        onChange={setTab}
      />
      <View className="readings-filters">
        <Text className="readings-filters__label">用量月份</Text>
        <ChoiceChips
          options={periods.map((p) => ({ value: p, label: p }))}
          value={period}
          onChange={setPeriod}
        />
        <Text className="readings-filters__label">表具</Text>
        <ChoiceChips options={meterOptions} value={meter} onChange={setMeter} />
      </View>
      {tab === 'entry' ? (
        <ReadingEntry key={`${period}:${meter}`} estateId={estateId} period={period} meter={meter} />
      ) : null}
      {tab === 'import' ? (
        <ReadingImport key={`import:${period}:${meter}`} estateId={estateId} period={period} meter={meter} />
      ) : null}
      {tab === 'review' ? (
        <ReadingList
          key={`review:${period}:${meter}`}
          estateId={estateId}
          period={period}
          meter={meter}
          status="pending_review"
          canReview={canReview}
        />
      ) : null}
      {tab === 'list' ? (
        <ReadingList
          key={`list:${period}:${meter}`}
          estateId={estateId}
          period={period}
          meter={meter}
          canReview={canReview}
        />
      ) : null}
    </>
  );
}
