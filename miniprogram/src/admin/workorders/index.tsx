import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  deskStateGroupLabels,
  deskStateGroups,
  OPEN_DESK_STATES,
  Priority,
  priorityLabels,
  WorkOrderCategory,
  workOrderCategoryLabels,
  type WorkOrderState,
  type WorkOrderSummary,
} from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { SegmentTabs } from '../../components/segment-tabs';
import { WorkOrderCard } from '../../components/work-order-card';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { useRouteChoice } from '../../hooks/use-route-choice';
import { call, messageOf } from '../../services/api';
import { SheetExportButtons } from '../components/export-bar';
import { StaffPage } from '../components/staff-page';
import { workOrderPageRoles } from './roles';
import './index.css';

/** The desk's tabs: everything still open, then the groups of states it works in. */
const stateGroups = {
  open: OPEN_DESK_STATES,
  ...deskStateGroups,
} satisfies Record<string, readonly WorkOrderState[]>;
type StateGroup = keyof typeof stateGroups;

const groupTabs: Array<{ value: StateGroup; label: string }> = [
  { value: 'open', label: '未完成' },
  ...(['waiting', 'working', 'review', 'done'] as const).map((value) => ({
    value,
    label: deskStateGroupLabels[value],
  })),
];

type Risk = 'any' | 'at_risk' | 'breached' | '';
const riskChoices = [
  { value: '', label: '全部时限' },
  { value: 'any', label: '有超时风险' },
  { value: 'at_risk', label: '即将超时' },
  { value: 'breached', label: '已超时' },
] as const;
const priorityChoices: Array<{ value: Priority | ''; label: string }> = [
  { value: '', label: '全部优先级' },
  ...Priority.options.map((value) => ({ value, label: priorityLabels[value] })),
];
const categoryChoices: Array<{ value: WorkOrderCategory | ''; label: string }> = [
  { value: '', label: '全部类别' },
  ...WorkOrderCategory.options.map((value) => ({ value, label: workOrderCategoryLabels[value] })),
];

interface Filters {
  group: StateGroup;
  priority: Priority | '';
  category: WorkOrderCategory | '';
  risk: Risk;
}

const orderUrl = (orderId: string) => `/admin/workorder/index?id=${encodeURIComponent(orderId)}`;

/** The desk's view of an estate's orders: filter, spot the ones about to miss a deadline, open one. */
export default function WorkOrders() {
  // A 工作台 tile opens the list on its tab and risk (?group=open&risk=breached).
  const [group] = useRouteChoice<StateGroup>(
    'group',
    groupTabs.map((t) => t.value),
    'waiting',
  );
  const [risk] = useRouteChoice<Risk>(
    'risk',
    riskChoices.map((c) => c.value),
    '',
  );
  const [filters, setFilters] = useState<Filters>({ group, priority: '', category: '', risk });
  const [showFilters, setShowFilters] = useState(risk !== '');
  const edit = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));
  return (
    <StaffPage allow={workOrderPageRoles.desk}>
      {({ estateId }) => (
        <>
          <View className="workorders__bar">
            <Button
              size="small"
              type="primary"
              onClick={() =>
                void Taro.navigateTo({
                  url: `/admin/workorder-new/index?estateId=${encodeURIComponent(estateId)}`,
                })
              }
            >
              代业主报修
            </Button>
            <Text className="workorders__toggle" onClick={() => setShowFilters((on) => !on)}>
              {showFilters ? '收起筛选' : `筛选${activeCount(filters) ? `（${activeCount(filters)}）` : ''}`}
            </Text>
          </View>
          <SegmentTabs options={groupTabs} value={filters.group} onChange={(group) => edit({ group })} />
          {showFilters ? (
            <View className="workorders__filters">
              <ChoiceChips options={riskChoices} value={filters.risk} onChange={(risk) => edit({ risk })} />
              <ChoiceChips
                options={priorityChoices}
                value={filters.priority}
                onChange={(priority) => edit({ priority })}
              />
              <ChoiceChips
                options={categoryChoices}
                value={filters.category}
                onChange={(category) => edit({ category })}
              />
            </View>
          ) : null}
          <OrderList key={`${estateId}/${JSON.stringify(filters)}`} estateId={estateId} filters={filters} />
          <SheetExportButtons
            load={(format) =>
              call('analytics', 'export.workorders', { ...listFilters(estateId, filters), format })
            }
          />
        </>
      )}
    </StaffPage>
  );
}

const activeCount = (filters: Filters) =>
  [filters.priority, filters.category, filters.risk].filter(Boolean).length;

/** The list's filters as the server takes them; the export sends the same. */
const listFilters = (estateId: string, filters: Filters) => ({
  estateId,
  states: [...stateGroups[filters.group]],
  priority: filters.priority || undefined,
  category: filters.category || undefined,
  slaRisk: filters.risk || undefined,
});

function query(estateId: string, filters: Filters, after?: string) {
  return call('workorder', 'list', { ...listFilters(estateId, filters), after, limit: 20 });
}

interface Page {
  items: WorkOrderSummary[];
  next?: string;
}

function OrderList({ estateId, filters }: { estateId: string; filters: Filters }) {
  const first = useRemote(() => query(estateId, filters), [estateId, filters]);
  useReloadOnShow(first.refresh);
  return (
    <RemoteView remote={first}>
      {(page) => (
        <Pages
          key={page.items.map((o) => `${o.orderId}:${o.updatedAt}`).join()}
          first={page}
          more={(after) => query(estateId, filters, after)}
        />
      )}
    </RemoteView>
  );
}

function Pages({ first, more }: { first: Page; more: (after: string) => Promise<Page> }) {
  const [pages, setPages] = useState<Page[]>([first]);
  const [loading, setLoading] = useState(false);
  const next = pages[pages.length - 1]?.next;
  const orders = pages.flatMap((p) => p.items);

  const loadMore = async () => {
    if (!next || loading) return;
    setLoading(true);
    try {
      const page = await more(next);
      setPages((all) => [...all, page]);
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setLoading(false);
    }
  };

  if (orders.length === 0) return <EmptyState title="没有符合条件的工单" glyph="⚒" />;
  return (
    <View>
      {orders.map((order) => (
        <WorkOrderCard key={order.orderId} order={order} url={orderUrl(order.orderId)} showSla />
      ))}
      {next ? (
        <Button block fill="outline" disabled={loading} onClick={() => void loadMore()}>
          {loading ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </View>
  );
}
