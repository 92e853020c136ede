import { Text, View } from '@tarojs/components';
import { formatDateTime, startOfLocalDate, toLocalDate, type AuditEntryView } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { useMorePages } from '../../hooks/use-more-pages';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { SheetExportButtons } from '../components/export-bar';
import { StaffPage } from '../components/staff-page';
import './index.css';

/** The data sets people ask about most; '' is all of them. */
const COLLECTIONS = [
  { value: '', label: '全部' },
  { value: 'bills', label: '账单' },
  { value: 'payment_orders', label: '收款' },
  { value: 'billing_settings', label: '催缴计划' },
  { value: 'dunning_segments', label: '分群催缴' },
  { value: 'workorders', label: '工单' },
  { value: 'households', label: '房屋' },
  { value: 'staff', label: '员工' },
];

const PERIODS = [
  { value: 1, label: '今天' },
  { value: 7, label: '近 7 天' },
  { value: 30, label: '近 30 天' },
  { value: 0, label: '全部' },
];

/** 操作审计: who changed what and when, filtered by data set and time; admins only. */
export default function Audit() {
  return (
    <StaffPage allow={['admin']} pickEstate={false}>
      {() => <Trail />}
    </StaffPage>
  );
}

function Trail() {
  const [collection, setCollection] = useState('');
  const [days, setDays] = useState(7);
  const [today] = useState(() => toLocalDate(Date.now()));
  const filters = {
    ...(collection ? { collection } : {}),
    ...(days
      ? {
          from: startOfLocalDate(today)
            .subtract(days - 1, 'day')
            .valueOf(),
        }
      : {}),
  };
  const first = useRemote(() => call('audit', 'list', filters), [collection, days]);
  return (
    <>
      <View className="audit-filters">
        <ChoiceChips options={COLLECTIONS} value={collection} onChange={setCollection} />
        <ChoiceChips options={PERIODS} value={days} onChange={setDays} />
      </View>
      <RemoteView remote={first}>
        {(page) => (
          <Entries
            key={`${collection}/${days}/${page.entries[0]?.auditId ?? ''}`}
            first={page}
            more={(after) => call('audit', 'list', { ...filters, after })}
          />
        )}
      </RemoteView>
      <SheetExportButtons
        title="导出审计日志"
        load={(format) => call('analytics', 'export.audit', { ...filters, format })}
      />
    </>
  );
}

interface Page {
  entries: AuditEntryView[];
  next?: string;
}

function Entries({ first, more }: { first: Page; more: (after: string) => Promise<Page> }) {
  const { pages, next, loading, loadMore } = useMorePages(first, more);
  const entries = pages.flatMap((p) => p.entries);
  if (entries.length === 0) return <EmptyState title="这段时间没有变更记录" glyph="✎" />;
  return (
    <View>
      {entries.map((entry) => (
        <View key={entry.auditId} className="audit-entry">
          <View className="audit-entry__head">
            <Text className="audit-entry__who">{entry.actorName}</Text>
            <Text className="audit-entry__when">{formatDateTime(entry.at)}</Text>
          </View>
          <Text className="audit-entry__what">
            {entry.action} · {entry.collection} · {entry.op}
            {entry.count !== undefined ? ` ${entry.count} 条` : ''}
          </Text>
          {entry.docId ? <Text className="audit-entry__doc">{entry.docId}</Text> : null}
        </View>
      ))}
      {next ? (
        <Button size="small" fill="outline" disabled={loading} onClick={() => void loadMore()}>
          {loading ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  );
}
