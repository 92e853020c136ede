import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateTime, formatYuan, type PrepayMovementView, type PrepayStatement } from '@linli/shared';
import { useState } from 'react';
import { BackRow } from '../../components/back-row';
import { EmptyState } from '../../components/empty-state';
import { MessageBlock } from '../../components/message-block';
import { Button } from '../../components/nutui';
import { RemoteView } from '../../components/remote-view';
import { Screen } from '../../components/screen';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';
import './index.css';

/** 预存: the household's balance, which new bills draw from, and every movement of it. */
export default function Prepay() {
  const householdId = decodeURIComponent(Taro.getCurrentInstance().router?.params.householdId ?? '');
  const statement = useRemote(() => call('billing', 'prepay.statement', { householdId }), [householdId]);
  return (
    <Screen>
      <BackRow label="返回缴费" fallbackUrl="/pages/bills/index" fallbackIsTab />
      {householdId ? (
        <RemoteView remote={statement}>{(view) => <Statement statement={view} />}</RemoteView>
      ) : (
        <EmptyState title="未指定房屋" description="请从缴费页打开预存账户。" glyph="?" />
      )}
    </Screen>
  );
}

function Statement({ statement }: { statement: PrepayStatement }) {
  const [movements, setMovements] = useState(statement.movements);
  const [next, setNext] = useState(statement.next);
  const more = useAction(async (after: string) => {
    const page = await call('billing', 'prepay.statement', { householdId: statement.householdId, after });
    setMovements((shown) => [...shown, ...page.movements]);
    setNext(page.next);
  });
  return (
    <>
      <View className="prepay-card">
        <Text className="prepay-card__room">{statement.roomCode}</Text>
        <Text className="prepay-card__label">预存余额</Text>
        <Text className="prepay-card__balance">{formatYuan(statement.balanceFen)}</Text>
        <Text className="prepay-card__hint">新账单出具时自动从预存余额中抵扣</Text>
      </View>
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
      {more.failure ? <MessageBlock tone="error" title={more.failure.message} /> : null}
      {next ? (
        <Button block fill="outline" disabled={more.pending} onClick={() => void more.run(next)}>
          {more.pending ? '加载中…' : '加载更多'}
        </Button>
      ) : null}
    </>
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
