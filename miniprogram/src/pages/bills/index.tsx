import { EmptyState } from '../../components/empty-state';
import { Screen } from '../../components/screen';

// Billing arrives with the billing context; until then this page says what it will hold.
export default function Bills() {
  return (
    <Screen>
      <EmptyState
        title="暂无待缴账单"
        description="物业费、水电费等账单出具后会列在这里，可直接微信支付并查看缴费记录。"
        glyph="¥"
      />
    </Screen>
  );
}
