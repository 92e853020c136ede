import { Text, View } from '@tarojs/components';
import { formatYuan, type QuoteView, type RepairChargeView } from '@linli/shared';
import { BillLines } from '../bill-lines';
import { Tag } from '../nutui';
import './index.css';

const statusColors: Record<QuoteView['status'], { background: string; color: string }> = {
  pending: { background: '#fffbeb', color: '#d97706' },
  confirmed: { background: '#eff6ff', color: '#2563eb' },
  declined: { background: '#f3f4f6', color: '#6b7280' },
};

/** 有偿维修 on an order: free or charged and why, then each quote with its lines, total and payment. */
export function RepairCharge({ charge }: { charge: RepairChargeView | null }) {
  if (!charge) return null;
  const quotes = [...charge.quotes].reverse();
  return (
    <View className="repair-charge">
      <View className="repair-charge__head">
        <Text className="repair-charge__title">{charge.chargeable ? '有偿维修' : '免费维修'}</Text>
        <Text className="repair-charge__reason">{charge.reason}</Text>
      </View>
      {quotes.map((quote) => (
        <QuoteCard key={quote.seq} quote={quote} latest={quote === quotes[0]} />
      ))}
    </View>
  );
}

function QuoteCard({ quote, latest }: { quote: QuoteView; latest: boolean }) {
  const paid = quote.paidAt !== null;
  return (
    <View className={latest ? 'repair-quote' : 'repair-quote repair-quote--old'}>
      <View className="repair-quote__head">
        <Text className="repair-quote__title">
          报价{quote.seq > 1 ? ` ${quote.seq}` : ''} · {quote.sentByName}
        </Text>
        <Tag {...(paid ? { background: '#f0fdf4', color: '#16a34a' } : statusColors[quote.status])}>
          {paid ? '已支付' : quote.statusLabel}
        </Tag>
      </View>
      <BillLines
        lines={quote.lines.map((l) => ({ label: l.name, formula: l.formula, amountFen: l.amountFen }))}
      />
      <View className="repair-quote__total">
        <Text>合计</Text>
        <Text className="repair-quote__amount">{formatYuan(quote.totalFen)}</Text>
      </View>
      {quote.declineReason ? (
        <Text className="repair-quote__note">拒绝原因：{quote.declineReason}</Text>
      ) : null}
    </View>
  );
}
