import { Text, View } from '@tarojs/components';
import { formatDateTime, formatYuan, type BillView, type HouseholdBills } from '@linli/shared';
import { useState } from 'react';
import { BillStatusTag } from '../../components/bill-status-tag';
import { EmptyState } from '../../components/empty-state';
import { LoadMore } from '../../components/load-more';
import { useAction } from '../../hooks/use-action';
import { call } from '../../services/api';
import { openBill } from './open-bill';

/** Settled bills, newest month first, a page at a time. */
export function PaidBills({ household }: { household: HouseholdBills }) {
  const [bills, setBills] = useState<BillView[]>(household.paid);
  const [next, setNext] = useState(household.paidNext);
  const more = useAction(async (paidAfter: string) => {
    const { households } = await call('billing', 'bills.mine', {
      householdId: household.householdId,
      paidAfter,
    });
    const page = households[0];
    if (!page) return;
    setBills((shown) => [...shown, ...page.paid]);
    setNext(page.paidNext);
  });

  if (bills.length === 0)
    return <EmptyState title="暂无已缴账单" description="缴清的账单会列在这里。" glyph="¥" />;
  return (
    <>
      {bills.map((bill) => (
        <View key={bill.billId} className="bill-card" onClick={() => openBill(bill.billId)}>
          <View className="bill-card__body">
            <View className="bill-card__head">
              <Text className="bill-card__title">
                {bill.itemName} · {bill.period}
              </Text>
              <Text className="bill-card__amount bill-card__amount--settled">
                {formatYuan(bill.amountFen)}
              </Text>
            </View>
            <View className="bill-card__meta">
              <BillStatusTag status={bill.status} label={bill.statusLabel} />
              <Text className="bill-card__due">
                {bill.settledAt ? `${formatDateTime(bill.settledAt)} 缴清` : `${bill.dueDate} 到期`}
              </Text>
            </View>
            <Text className="bill-card__more">查看明细 ›</Text>
          </View>
        </View>
      ))}
      <LoadMore list={{ next, more }} />
    </>
  );
}
