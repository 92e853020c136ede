import { Text, View } from '@tarojs/components';
import {
  formatYuan,
  isAppError,
  priceItemKindLabels,
  priceQuote,
  QuoteQuantity,
  type PriceItem,
  type WorkOrderDetail,
} from '@linli/shared';
import { useState } from 'react';
import { BillLines } from '../../components/bill-lines';
import { EmptyState } from '../../components/empty-state';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

interface QuoteFormProps {
  order: WorkOrderDetail;
  onClose: () => void;
  onQuoted: (order: WorkOrderDetail) => void;
}

/** 报价: quantities against the estate's price list; the lines and total preview as the owner will see them. */
export function QuoteForm({ order, onClose, onQuoted }: QuoteFormProps) {
  const list = useRemote(
    () => call('workorder', 'priceList', { estateId: order.estateId }),
    [order.estateId],
  );
  return (
    <View className="task__complete">
      <Text className="reason-form__title">有偿维修报价</Text>
      <RemoteView remote={list}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title="尚未设置收费标准"
              description="请联系物业管理员在「维修收费标准」中添加项目。"
              glyph="¥"
            />
          ) : (
            <Picks order={order} items={items} onClose={onClose} onQuoted={onQuoted} />
          )
        }
      </RemoteView>
    </View>
  );
}

function Picks({ order, items, onClose, onQuoted }: QuoteFormProps & { items: PriceItem[] }) {
  const [quantities, setQuantities] = useState<Record<string, string>>({});
  const send = useAction((lines: Array<{ code: string; quantity: string }>) =>
    call('workorder', 'quote', { orderId: order.orderId, lines }),
  );
  const picks = items
    .map((item) => ({ code: item.code, quantity: (quantities[item.code] ?? '').trim() }))
    .filter((pick) => pick.quantity !== '');
  const invalid = picks.filter((pick) => !QuoteQuantity.safeParse(pick.quantity).success);
  let preview: ReturnType<typeof priceQuote> | null = null;
  try {
    preview = invalid.length === 0 && picks.length > 0 ? priceQuote(items, picks) : null;
  } catch (error) {
    if (!isAppError(error)) throw error;
  }

  const submit = async () => {
    if (invalid.length > 0 || !preview) {
      send.setFailure({
        code: 'VALIDATION',
        message: invalid.length ? '数量须为大于 0 的数字，最多 2 位小数' : '请至少填写一项的数量',
        fields: {},
      });
      return;
    }
    const changed = await send.run(picks);
    if (changed) onQuoted(changed);
  };

  return (
    <>
      {items.map((item) => (
        <View key={item.code} className="task__part quote__item">
          <View className="task__part-name">
            <Text className="quote__name">{item.name}</Text>
            <Text className="quote__price">
              {priceItemKindLabels[item.kind]} · {formatYuan(item.unitPriceFen)}/{item.unit}
            </Text>
          </View>
          <View className="task__part-quantity">
            <TextInput
              type="digit"
              placeholder="数量"
              value={quantities[item.code] ?? ''}
              maxLength={6}
              onChange={(value) => setQuantities((all) => ({ ...all, [item.code]: value }))}
            />
          </View>
          <Text className="quote__unit">{item.unit}</Text>
        </View>
      ))}
      {preview ? (
        <View className="quote__preview">
          <BillLines
            lines={preview.lines.map((l) => ({ label: l.name, formula: l.formula, amountFen: l.amountFen }))}
          />
          <Text className="quote__total">合计 {formatYuan(preview.totalFen)}</Text>
        </View>
      ) : null}
      {send.failure ? <Text className="reason-form__error">{send.failure.message}</Text> : null}
      <View className="reason-form__buttons">
        <Button size="small" fill="outline" onClick={onClose}>
          返回
        </Button>
        <Button size="small" type="primary" disabled={send.pending} onClick={() => void submit()}>
          {send.pending ? '发送中…' : '发送报价'}
        </Button>
      </View>
    </>
  );
}
