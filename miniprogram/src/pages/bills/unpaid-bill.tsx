import { Text, View } from '@tarojs/components';
import { formatYuan, type BillView } from '@linli/shared';
import { BillStatusTag } from '../../components/bill-status-tag';
import { openBill } from './open-bill';

/** An open bill with its box to tick: what, for which month, how much, by when. */
export function UnpaidBill({
  bill,
  chosen,
  onToggle,
}: {
  bill: BillView;
  chosen: boolean;
  onToggle: () => void;
}) {
  const overdue = bill.overdueDays > 0;
  return (
    <View className={overdue ? 'bill-card bill-card--overdue' : 'bill-card'}>
      <View className="bill-card__check" onClick={onToggle}>
        <View className={chosen ? 'check-box check-box--on' : 'check-box'}>
          {chosen ? <Text className="check-box__mark">✓</Text> : null}
        </View>
      </View>
      <View className="bill-card__body" onClick={() => openBill(bill.billId)}>
        <View className="bill-card__head">
          <Text className="bill-card__title">
            {bill.itemName} · {bill.period}
          </Text>
          <Text className="bill-card__amount">{formatYuan(bill.payableFen)}</Text>
        </View>
        <View className="bill-card__meta">
          <BillStatusTag status={bill.status} label={bill.statusLabel} overdueDays={bill.overdueDays} />
          <Text className={overdue ? 'bill-card__due bill-card__due--late' : 'bill-card__due'}>
            {bill.dueDate} 到期
          </Text>
        </View>
        {bill.lateFee ? (
          <Text className="bill-card__late">
            含滞纳金 {formatYuan(bill.lateFee.amountFen)}（欠费 {formatYuan(bill.outstandingFen)}）
          </Text>
        ) : null}
        {bill.lines[0] ? <Text className="bill-card__line">{bill.lines[0].formula}</Text> : null}
        <Text className="bill-card__more">查看明细 ›</Text>
      </View>
    </View>
  );
}
