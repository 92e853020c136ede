import {
  AppError,
  fen,
  prepayAccountId,
  prepayCreditId,
  type Fen,
  type Household,
  type PrepayAccount,
  type PrepayMovement,
} from '@linli/shared';
import type { Doc, Store } from '../../_lib/store/port';

export interface CreditResult {
  movementId: string;
  balanceFen: Fen;
  /** The reference was credited before: nothing changed this time. */
  duplicate: boolean;
}

/**
 * Add money to a household's prepayment account (预存充值). For the Payments flow: call it
 * when a top-up payment is confirmed, with the payment's id as `reference`. Idempotent per
 * reference (a repeated notification credits once), atomic with the balance.
 */
export async function creditPrepayment(
  store: Store,
  householdId: string,
  amountFen: Fen,
  reference: string,
  options: { at?: number; note?: string } = {},
): Promise<CreditResult> {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new AppError('VALIDATION', '充值金额必须大于 0');
  const household = await store.collection<Household & Doc>('households').get(householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
  const at = options.at ?? Date.now();
  const movementId = prepayCreditId(householdId, reference);
  return store.transaction(async (tx) => {
    const accounts = tx.collection<PrepayAccount & Doc>('prepay_accounts');
    const movements = tx.collection<PrepayMovement & Doc>('prepay_movements');
    const account = await accounts.get(prepayAccountId(householdId));
    if (await movements.get(movementId))
      return { movementId, balanceFen: account?.balanceFen ?? fen(0), duplicate: true };
    const balanceFen = fen((account?.balanceFen ?? 0) + amountFen);
    if (account) await accounts.update(account._id, { set: { balanceFen, updatedAt: at } });
    else
      await accounts.insert({
        _id: prepayAccountId(householdId),
        estateId: household.estateId,
        householdId,
        balanceFen,
        updatedAt: at,
      });
    await movements.insert({
      _id: movementId,
      estateId: household.estateId,
      householdId,
      kind: 'credit',
      amountFen,
      balanceAfterFen: balanceFen,
      billId: null,
      reference,
      note: options.note ?? '预存充值',
      at,
    });
    return { movementId, balanceFen, duplicate: false };
  });
}
