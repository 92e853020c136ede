import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  fen,
  formatDateTime,
  formatYuan,
  yuanToFen,
  type PrepayMovementView,
  type PrepayStatement,
} from '@linli/shared';
import { useEffect, useRef, useState } from 'react';
import { BackRow } from '../../components/back-row';
import { ChoiceChips } from '../../components/choice-chips';
import { EmptyState } from '../../components/empty-state';
import { FormField } from '../../components/form-field';
import { LoadMore } from '../../components/load-more';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { TextInput } from '../../components/text-input';
import { useAction } from '../../hooks/use-action';
import { useLoadedList } from '../../hooks/use-loaded-list';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import { topUpPrepay } from '../../services/pay-bills';
import './index.css';

/** 预存: the household's balance, which new bills draw from, and every movement of it. */
/** Statement reloads while a paid top-up has not reached it yet (the credit follows the payment). */
const CREDIT_POLLS = 10;

/** 预存: the household's balance, which new bills draw from, and every movement of it. */
export default function Prepay() {
  const householdId = decodeURIComponent(Taro.getCurrentInstance().router?.params.householdId ?? '');
  const statement = useRemote(() => call('billing', 'prepay.statement', { householdId }), [householdId]);
  // Back from the pay result: the top-up shows in the balance and the statement.
  useReloadOnShow(statement.refresh);
  const [awaited, setAwaited] = useState<string | null>(null);
  const polls = useRef(0);
  const loaded = statement.status === 'ready' ? statement.data : null;
  const credited = loaded?.movements.some((m) => m.reference === awaited) ?? false;
  const { refresh } = statement;
  useEffect(() => {
    if (!awaited || !loaded) return undefined;
    if (credited || polls.current >= CREDIT_POLLS) {
      setAwaited(null);
      return undefined;
    }
    const timer = setTimeout(() => {
      polls.current += 1;
      refresh();
    }, 1000);
    return () => clearTimeout(timer);
  }, [awaited, credited, loaded, refresh]);
  const onPaid = (outTradeNo: string) => {
    polls.current = 0;
    setAwaited(outTradeNo);
  };
  return (
    <Screen>
      <BackRow label="返回缴费" fallbackUrl="/pages/bills/index" fallbackIsTab />
      {householdId ? (
        <RemoteView remote={statement}>
          {(view) => (
            <Statement
              key={view.movements[0]?.movementId ?? 'none'}
              statement={view}
              crediting={awaited !== null}
              onPaid={onPaid}
            />
          )}
        </RemoteView>
      ) : (
        <EmptyState title="未指定房屋" description="请从缴费页打开预存账户。" glyph="?" />
      )}
    </Screen>
  );
}

function Statement({
  statement,
  crediting,
  onPaid,
}: {
  statement: PrepayStatement;
  /** A top-up is paid and on its way into the account. */
  crediting: boolean;
  onPaid: (outTradeNo: string) => void;
}) {
  const list = useLoadedList(
    { items: statement.movements, next: statement.next },
    async (after) => {
      const page = await call('billing', 'prepay.statement', { householdId: statement.householdId, after });
      return { items: page.movements, next: page.next };
    },
    (movement) => movement.movementId,
  );
  const movements = list.items;
  return (
    <>
      <View className="prepay-card">
        <Text className="prepay-card__room">{statement.roomCode}</Text>
        <Text className="prepay-card__label">预存余额</Text>
        <Text className="prepay-card__balance">{formatYuan(statement.balanceFen)}</Text>
        <Text className="prepay-card__hint">
          {crediting ? '充值已支付，正在入账…' : '新账单出具时自动从预存余额中抵扣'}
        </Text>
      </View>
      <TopUp householdId={statement.householdId} onPaid={onPaid} />
      <Text className="section-title">收支明细</Text>
      {movements.length === 0 ? (
        <EmptyState title="暂无收支记录" description="预存充值和账单抵扣会逐笔列在这里。" glyph="¥" />
      ) : (
        <View className="prepay-list">
          {movements.map((movement) => (
            <MovementRow key={movement.movementId} movement={movement} />
          ))}
        </View>
      )}
      <LoadMore list={list} />
    </>
  );
}

/** Amounts most people top up; any other amount can be typed in. */
const PRESETS_YUAN = ['100', '200', '500', '1000'];
const MAX_TOP_UP_FEN = 5_000_000;

function amountFenOf(yuan: string): number | null {
  if (!/^\d{1,6}(\.\d{1,2})?$/.test(yuan.trim())) return null;
  const amount = yuanToFen(yuan);
  return amount > 0 && amount <= MAX_TOP_UP_FEN ? amount : null;
}

/** 预存充值: choose or type an amount, then pay it through the same cashier as bills. */
function TopUp({ householdId, onPaid }: { householdId: string; onPaid: (outTradeNo: string) => void }) {
  const [open, setOpen] = useState(false);
  const [preset, setPreset] = useState(PRESETS_YUAN[1]!);
  const [custom, setCustom] = useState('');
  const typed = custom.trim();
  const amountFen = amountFenOf(typed || preset);
  const topUp = useAction(async (amount: number) => {
    const outTradeNo = await topUpPrepay(householdId, amount);
    if (outTradeNo) onPaid(outTradeNo);
  });
  if (!open)
    return (
      <View className="prepay-top-up">
        <Button type="primary" block onClick={() => setOpen(true)}>
          预存充值
        </Button>
      </View>
    );
  return (
    <View className="prepay-top-up prepay-top-up--open">
      <Text className="prepay-top-up__title">预存充值</Text>
      <ChoiceChips
        options={PRESETS_YUAN.map((yuan) => ({ value: yuan, label: `¥${yuan}` }))}
        value={typed ? '' : preset}
        onChange={(yuan) => {
          setPreset(yuan);
          setCustom('');
        }}
      />
      <FormField
        label="其他金额（元）"
        error={typed && amountFen === null ? '请输入 0.01–50,000 元，最多两位小数' : undefined}
      >
        <TextInput type="digit" placeholder="例如 300" value={custom} onChange={setCustom} />
      </FormField>
      {topUp.failure ? <MessageBlock tone="error" title={topUp.failure.message} /> : null}
      <View className="prepay-top-up__buttons">
        <Button fill="outline" disabled={topUp.pending} onClick={() => setOpen(false)}>
          取消
        </Button>
        <Button
          type="primary"
          disabled={topUp.pending || amountFen === null}
          onClick={() => amountFen !== null && void topUp.run(amountFen)}
        >
          {topUp.pending ? '正在下单…' : `去支付 ${amountFen === null ? '' : formatYuan(fen(amountFen))}`}
        </Button>
      </View>
    </View>
  );
}

function MovementRow({ movement }: { movement: PrepayMovementView }) {
  const credit = movement.amountFen > 0;
  return (
    <View className="prepay-row">
      <View className="prepay-row__main">
        <Text className="prepay-row__kind">{movement.kindLabel}</Text>
        {movement.note ? <Text className="prepay-row__note">{movement.note}</Text> : null}
        <Text className="prepay-row__time">{formatDateTime(movement.at)}</Text>
      </View>
      <View className="prepay-row__figures">
        <Text className={credit ? 'prepay-row__amount prepay-row__amount--in' : 'prepay-row__amount'}>
          {credit ? '+' : ''}
          {formatYuan(movement.amountFen)}
        </Text>
        <Text className="prepay-row__after">余额 {formatYuan(movement.balanceAfterFen)}</Text>
      </View>
    </View>
  );
}
