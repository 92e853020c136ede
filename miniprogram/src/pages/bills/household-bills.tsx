import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatYuan, type BillView, type HouseholdBills } from '@linli/shared';
import { useState } from 'react';
import { EmptyState } from '../../components/empty-state';
import { SegmentTabs } from '../../components/segment-tabs';
import { PaidBills } from './paid-bills';
import { PayFooter } from './pay-footer';
import { UnpaidBill } from './unpaid-bill';

type Tab = 'unpaid' | 'paid';

/** One household: what it owes (all chosen to pay at first), its prepayment, its settled bills. */
export function HouseholdBillsView({ household, onPaid }: { household: HouseholdBills; onPaid: () => void }) {
  const [tab, setTab] = useState<Tab>('unpaid');
  const [chosen, setChosen] = useState<string[]>(() => household.unpaid.map((b) => b.billId));
  const toggle = (billId: string) =>
    setChosen(chosen.includes(billId) ? chosen.filter((id) => id !== billId) : [...chosen, billId]);
  const { totals } = household;

  return (
    <>
      <View className="bills-summary">
        <Text className="bills-summary__house">
          {household.estateName} {household.roomCode}
        </Text>
        <Text className="bills-summary__label">待缴合计</Text>
        <Text className="bills-summary__amount">{formatYuan(totals.payableFen)}</Text>
        <Text className="bills-summary__facts">
          {totals.unpaidBills > 0
            ? `${totals.unpaidBills} 笔待缴${totals.lateFeeFen > 0 ? `，含滞纳金 ${formatYuan(totals.lateFeeFen)}` : ''}`
            : '暂无待缴账单'}
        </Text>
        <View
          className="bills-summary__prepay"
          onClick={() =>
            void Taro.navigateTo({
              url: `/pages/prepay/index?householdId=${encodeURIComponent(household.householdId)}`,
            })
          }
        >
          <Text>预存余额 {formatYuan(household.prepayBalanceFen)}</Text>
          <Text className="bills-summary__prepay-link">明细 ›</Text>
        </View>
      </View>

      <SegmentTabs
        options={[
          { value: 'unpaid', label: `待缴（${totals.unpaidBills}）` },
          { value: 'paid', label: '已缴' },
        ]}
        value={tab}
        onChange={setTab}
      />

      {tab === 'paid' ? (
        <PaidBills household={household} />
      ) : household.unpaid.length === 0 ? (
        <EmptyState title="账单已全部缴清" description="新账单出具后会列在这里，并提醒您缴费。" glyph="✓" />
      ) : (
        <>
          {household.unpaid.map((bill: BillView) => (
            <UnpaidBill
              key={bill.billId}
              bill={bill}
              chosen={chosen.includes(bill.billId)}
              onToggle={() => toggle(bill.billId)}
            />
          ))}
          <PayFooter household={household} chosen={chosen} onChoose={setChosen} onPaid={onPaid} />
        </>
      )}
    </>
  );
}
