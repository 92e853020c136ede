import { Text, View } from '@tarojs/components';
import { addPeriods, periodOf, type BillStatus, type BillView } from '@linli/shared';
import { useState } from 'react';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { useLoadedList } from '../../hooks/use-loaded-list';
import { LoadMore } from '../../components/load-more';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { RemoteView } from '../../components/remote-view';
import { RoomFinder, type PickedRoom } from '../components/room-finder';
import { StaffPage, staffPageRoles } from '../components/staff-page';
import { StaffBillCard } from './staff-bill-card';
import './index.css';

type StatusFilter = BillStatus | 'all';

const statusOptions: Array<{ value: StatusFilter; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'unpaid', label: '待缴' },
  { value: 'partial', label: '部分已缴' },
  { value: 'paid', label: '已缴清' },
  { value: 'waived', label: '已减免' },
  { value: 'void', label: '已作废' },
];

/** 账单管理: find bills by month, status or room; finance voids or waives with a reason. */
export default function Bills() {
  return (
    <StaffPage allow={staffPageRoles.bills}>
      {({ estateId, has }) => (
        <BillDesk key={estateId} estateId={estateId} canChange={has('admin', 'finance')} />
      )}
    </StaffPage>
  );
}

function BillDesk({ estateId, canChange }: { estateId: string; canChange: boolean }) {
  const thisMonth = periodOf(Date.now());
  const periods = ['all', ...[0, -1, -2, -3].map((n) => addPeriods(thisMonth, n))];
  const [period, setPeriod] = useState('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [room, setRoom] = useState<PickedRoom | null>(null);
  return (
    <>
      <RoomFinder estateId={estateId} onPick={setRoom} />
      {room ? (
        <View className="bills-filter__room">
          <Text>只看 {room.roomCode}</Text>
          <Text className="bills-filter__clear" onClick={() => setRoom(null)}>
            清除
          </Text>
        </View>
      ) : null}
      <ChoiceChips
        options={periods.map((p) => ({ value: p, label: p === 'all' ? '全部账期' : p }))}
        value={period}
        onChange={setPeriod}
      />
      <ChoiceChips options={statusOptions} value={status} onChange={setStatus} />
      <BillList
        key={`${period}:${status}:${room?.householdId ?? ''}`}
        estateId={estateId}
        filter={{
          ...(period === 'all' ? {} : { period }),
          ...(status === 'all' ? {} : { status }),
          ...(room ? { householdId: room.householdId } : {}),
        }}
        canChange={canChange}
      />
    </>
  );
}

interface Filter {
  period?: string;
  status?: BillStatus;
  householdId?: string;
}

function BillList({ estateId, filter, canChange }: { estateId: string; filter: Filter; canChange: boolean }) {
  const first = useRemote(() => call('billing', 'bills.list', { estateId, ...filter }), []);
  return (
    <RemoteView remote={first}>
      {(page) => (
        <BillPages
          key={page.items.map((b) => b.billId).join()}
          estateId={estateId}
          filter={filter}
          first={page}
          canChange={canChange}
        />
      )}
    </RemoteView>
  );
}

function BillPages({
  estateId,
  filter,
  first,
  canChange,
}: {
  estateId: string;
  filter: Filter;
  first: { items: BillView[]; next?: string };
  canChange: boolean;
}) {
  const list = useLoadedList(
    first,
    (after) => call('billing', 'bills.list', { estateId, ...filter, after }),
    (bill) => bill.billId,
  );
  const { items: bills, replace } = list;
  if (bills.length === 0) return <EmptyState title="没有符合条件的账单" glyph="¥" />;
  return (
    <View className="bills-list">
      {bills.map((bill) => (
        <StaffBillCard key={bill.billId} bill={bill} canChange={canChange} onChanged={replace} />
      ))}
      <LoadMore list={list} />
    </View>
  );
}
