import { Text, View } from '@tarojs/components';
import { fen, formatYuan, type HouseholdBills } from '@linli/shared';
import { Button } from '../../components/nutui';
import { useAction } from '../../hooks/use-action';
import { payBills } from '../../services/pay-bills';

/** Stays at the bottom of the screen: choose all or none, the total of the chosen bills, pay. */
export function PayFooter({
  household,
  chosen,
  onChoose,
  onPaid,
}: {
  household: HouseholdBills;
  chosen: string[];
  onChoose: (billIds: string[]) => void;
  onPaid: () => void;
}) {
  const all = household.unpaid.map((b) => b.billId);
  const allChosen = chosen.length === all.length;
  const total = fen(
    household.unpaid.filter((b) => chosen.includes(b.billId)).reduce((sum, b) => sum + b.payableFen, 0),
  );
  const pay = useAction(async () => {
    if (await payBills(household.householdId, chosen)) onPaid();
  });
  return (
    <View className="pay-footer">
      {pay.failure ? <Text className="pay-footer__error">{pay.failure.message}</Text> : null}
      <View className="pay-footer__bar">
        <View className="pay-footer__all" onClick={() => onChoose(allChosen ? [] : all)}>
          <View className={allChosen ? 'check-box check-box--on' : 'check-box'}>
            {allChosen ? <Text className="check-box__mark">✓</Text> : null}
          </View>
          <Text className="pay-footer__all-label">全选</Text>
        </View>
        <View className="pay-footer__total">
          <Text className="pay-footer__sum">合计 {formatYuan(total)}</Text>
          <Text className="pay-footer__count">已选 {chosen.length} 笔</Text>
        </View>
        <Button type="primary" disabled={chosen.length === 0 || pay.pending} onClick={() => void pay.run()}>
          去缴费
        </Button>
      </View>
    </View>
  );
}
