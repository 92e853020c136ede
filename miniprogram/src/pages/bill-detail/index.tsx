import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, formatYuan, type BillView, type Fen } from '@linli/shared';
import { BackRow } from '../../components/back-row';
import { BillLines, UsageFacts } from '../../components/bill-lines';
import { BillStatusTag } from '../../components/bill-status-tag';
import { EmptyState } from '../../components/empty-state';
import { MessageBlock } from '../../components/message-block';
import { Button, Cell, CellGroup } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { payBills } from '../../services/pay-bills';
import './index.css';

/** One bill explained: every line with its formula, then what was taken off, paid and still owed. */
export default function BillDetail() {
  const billId = Taro.getCurrentInstance().router?.params.id ?? '';
  const bill = useRemote(
    () => call('billing', 'bills.get', { billId: decodeURIComponent(billId) }),
    [billId],
  );
  return (
    <Screen>
      <BackRow label="返回缴费" fallbackUrl="/pages/bills/index" fallbackIsTab />
      {billId ? (
        <RemoteView remote={bill}>{(view) => <BillFacts bill={view} onPaid={bill.refresh} />}</RemoteView>
      ) : (
        <EmptyState title="未指定账单" description="请从缴费页打开账单。" glyph="?" />
      )}
    </Screen>
  );
}

function BillFacts({ bill, onPaid }: { bill: BillView; onPaid: () => void }) {
  const open = bill.status === 'unpaid' || bill.status === 'partial';
  const pay = useAction(async () => {
    if (await payBills(bill.householdId, [bill.billId])) onPaid();
  });
  return (
    <>
      <View className="bill-head">
        <View className="bill-head__top">
          <Text className="bill-head__title">
            {bill.itemName} · {bill.period}
          </Text>
          <BillStatusTag status={bill.status} label={bill.statusLabel} overdueDays={bill.overdueDays} />
        </View>
        <Text className="bill-head__label">{open ? '应付金额' : '账单金额'}</Text>
        <Text className={open ? 'bill-head__amount bill-head__amount--open' : 'bill-head__amount'}>
          {formatYuan(open ? bill.payableFen : bill.amountFen)}
        </Text>
        <Text className="bill-head__facts">
          {bill.roomCode} · {bill.dueDate} 到期
        </Text>
      </View>

      {bill.void ? (
        <MessageBlock tone="warning" title="此账单已作废">
          <Text>
            原因：{bill.void.reason}（{bill.void.byName}，{formatDateTime(bill.void.at)}）
          </Text>
        </MessageBlock>
      ) : null}

      <Text className="section-title">费用明细</Text>
      <View className="bill-detail__card">
        {bill.usage ? <UsageFacts usage={bill.usage} /> : null}
        <BillLines lines={bill.lines} />
      </View>

      <CellGroup title="金额">
        <Money label="账单金额" amount={bill.amountFen} />
        {bill.reliefFen > 0 ? (
          <Cell
            title="空置 / 赠送优惠"
            description="已在明细中扣除"
            extra={<Text className="bill-money">-{formatYuan(bill.reliefFen)}</Text>}
          />
        ) : null}
        {bill.discountFen > 0 ? (
          <Cell
            title="预缴优惠"
            description={bill.discountFormula ?? undefined}
            extra={<Text className="bill-money">-{formatYuan(bill.discountFen)}</Text>}
          />
        ) : null}
        {bill.waivedFen > 0 ? <Money label="减免" amount={bill.waivedFen} minus /> : null}
        {bill.paidFen > 0 ? (
          <Cell
            title="已缴"
            description={bill.prepaidFen > 0 ? `其中预存抵扣 ${formatYuan(bill.prepaidFen)}` : undefined}
            extra={<Text className="bill-money">-{formatYuan(bill.paidFen)}</Text>}
          />
        ) : null}
        <Money label="未缴" amount={bill.outstandingFen} />
        {bill.lateFee ? (
          <Cell
            title="滞纳金"
            description={bill.lateFee.formula}
            extra={<Text className="bill-money bill-money--late">+{formatYuan(bill.lateFee.amountFen)}</Text>}
          />
        ) : null}
        {open ? <Money label="应付合计" amount={bill.payableFen} strong /> : null}
      </CellGroup>

      {bill.waivers.length ? (
        <CellGroup title="减免记录">
          {bill.waivers.map((waiver, index) => (
            <Cell
              key={index}
              title={waiver.reason}
              description={`${waiver.approvedByName} 审批 · ${formatDateTime(waiver.at)}`}
              extra={formatYuan(waiver.amountFen)}
            />
          ))}
        </CellGroup>
      ) : null}

      <CellGroup title="账单信息">
        <Cell title="出账时间" extra={formatDateTime(bill.issuedAt)} />
        <Cell title="缴费期限" extra={bill.dueDate} />
        {bill.settledAt ? <Cell title="缴清时间" extra={formatDateTime(bill.settledAt)} /> : null}
      </CellGroup>

      {open ? (
        <>
          {pay.failure ? <MessageBlock tone="error" title={pay.failure.message} /> : null}
          <Button type="primary" block disabled={pay.pending} onClick={() => void pay.run()}>
            去缴费 {formatYuan(bill.payableFen)}
          </Button>
        </>
      ) : null}
    </>
  );
}

function Money({
  label,
  amount,
  minus = false,
  strong = false,
}: {
  label: string;
  amount: Fen;
  minus?: boolean;
  strong?: boolean;
}) {
  return (
    <Cell
      title={strong ? <Text className="bill-money--strong">{label}</Text> : label}
      extra={
        <Text className={strong ? 'bill-money bill-money--strong' : 'bill-money'}>
          {minus ? '-' : ''}
          {formatYuan(amount)}
        </Text>
      }
    />
  );
}
