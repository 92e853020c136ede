import { Text, View } from '@tarojs/components';
import type { CollectionGroupBy } from '@linli/shared';
import { useState } from 'react';
import { useRouteChoice } from '../../hooks/use-route-choice';
import { ChoiceChips } from '../../components/choice-chips';
import { SegmentTabs } from '../../components/segment-tabs';
import { ExportBar } from '../components/export-bar';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { call } from '../../services/api';
import { AgingReport } from './aging-report';
import { CollectionReportView } from './collection-report';
import { HabitReport } from './habit-report';
import { recentRanges } from './period-range';
import './index.css';

type Section = 'collection' | 'aging' | 'habits';

/** 收缴统计: collection rate both ways, arrears aging, payment habits, and exports for finance. */
export default function Collection() {
  return (
    <StaffPage allow={staffPageRoles.billing}>
      {({ estateId }) => <Reports key={estateId} estateId={estateId} />}
    </StaffPage>
  );
}

function Reports({ estateId }: { estateId: string }) {
  const [section, setSection] = useRouteChoice<Section>(
    'tab',
    ['collection', 'aging', 'habits'],
    'collection',
  );
  const [rangeKey, setRangeKey] = useState('3');
  const [groupBy, setGroupBy] = useState<Exclude<CollectionGroupBy, 'estate'>>('period');
  const options = recentRanges();
  const range = (options.find((o) => o.value === rangeKey) ?? options[1]!).range;
  return (
    <>
      <SegmentTabs
        options={[
          { value: 'collection', label: '收缴率' },
          { value: 'aging', label: '欠费账龄' },
          { value: 'habits', label: '缴费习惯' },
        ]}
        value={section}
        onChange={setSection}
      />
      {section !== 'aging' ? (
        <View className="stats-filters">
          <ChoiceChips options={options} value={rangeKey} onChange={setRangeKey} />
          <Text className="stats-filters__range">
            账期 {range.periodFrom} 至 {range.periodTo}
          </Text>
        </View>
      ) : null}
      {section === 'collection' ? (
        <>
          <View className="stats-filters">
            <ChoiceChips
              options={[
                { value: 'period' as const, label: '按月份' },
                { value: 'building' as const, label: '按楼栋' },
                { value: 'item' as const, label: '按收费项目' },
              ]}
              value={groupBy}
              onChange={setGroupBy}
            />
          </View>
          <CollectionReportView estateId={estateId} range={range} groupBy={groupBy} />
          <ExportBar
            exports={[
              {
                label: '导出账单明细',
                fetch: (format) =>
                  call('billing', 'stats.export', { estateId, ...range, kind: 'bills', format }),
              },
              {
                label: '导出收缴率',
                fetch: (format) =>
                  call('billing', 'stats.export', {
                    estateId,
                    ...range,
                    kind: 'collection',
                    groupBy,
                    format,
                  }),
              },
            ]}
          />
        </>
      ) : null}
      {section === 'aging' ? (
        <>
          <AgingReport estateId={estateId} />
          <ExportBar
            exports={[
              {
                label: '导出欠费账龄',
                fetch: (format) => call('billing', 'stats.exportAging', { estateId, format }),
              },
            ]}
          />
        </>
      ) : null}
      {section === 'habits' ? <HabitReport estateId={estateId} range={range} /> : null}
    </>
  );
}
