import {
  AppError,
  chargeOf,
  currentQuote,
  formatYuan,
  isAppError,
  priceQuote,
  remarkOrder,
  withAnsweredQuote,
  withNewQuote,
  type workorderApi,
} from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { deskEstate, viewerOf } from '../access';
import { commitChange, loadOrder } from '../commit';
import { workorderCollections } from '../documents';
import { notifyOwner } from '../notify';
import { chargeabilityNow, ensureRepairBill, priceListOf } from '../paid-repair';
import { performVerb } from '../perform';
import { toDetail } from '../views';

type Api = typeof workorderApi;

/**
 * 报价: on a chargeable order the technician picks labour and parts from the estate's price list;
 * the server prices them (the client sends codes and quantities, never prices) and the order
 * waits for the owner, its completion clock stopped.
 */
export const quote: Handler<Api['quote']> = async (input, ctx) => {
  const order = await loadOrder(ctx, input.orderId);
  await viewerOf(ctx, order);
  const [chargeability, list] = await Promise.all([
    chargeabilityNow(ctx, order),
    priceListOf(ctx.store, order.estateId),
  ]);
  const priced = priceQuote(list.items, input.lines);
  const { after, viewer } = await performVerb(ctx, input.orderId, 'quote', ['technician'], {
    // Re-checked on the fresh order: the desk may have made it free meanwhile.
    guard: (fresh) => {
      const override = chargeOf(fresh).override;
      if (override ? !override.chargeable : !chargeability.chargeable)
        throw new AppError('PRECONDITION_FAILED', `该工单不收费（${chargeability.reason}），无需报价`);
    },
    derive: (fresh, acting) => ({
      charge: withNewQuote(fresh, priced, { at: ctx.now(), byName: acting.name }),
      label: `${acting.name}报价 ${formatYuan(priced.totalFen)}，待业主确认`,
      note: priced.lines.map((l) => l.formula).join('；'),
    }),
  });
  await notifyOwner(ctx, after, 'quoted');
  return toDetail(ctx, after, viewer);
};

/**
 * 确认报价: the household agrees; the quote becomes a one-off bill (id from order and quote) and
 * work goes on. Confirming again once confirmed only makes sure the bill exists, so a retry after
 * a lost answer, or two taps at once, leave exactly one bill.
 */
export const approveQuote: Handler<Api['approveQuote']> = async (input, ctx) => {
  const order = await loadOrder(ctx, input.orderId);
  const viewer = await viewerOf(ctx, order);
  if (!viewer.household) throw new AppError('FORBIDDEN', '只有报修房屋的业主可以确认报价');
  /** The quote is already confirmed: make sure its bill exists and answer with the order. */
  const alreadyConfirmed = async () => {
    const fresh = await loadOrder(ctx, input.orderId);
    const last = currentQuote(fresh);
    if (fresh.state === 'quoted' || last?.status !== 'confirmed') return null;
    await ensureRepairBill(ctx.store, fresh, last, ctx.now());
    return toDetail(ctx, fresh, viewer);
  };
  const done = await alreadyConfirmed();
  if (done) return done;
  try {
    const { after } = await performVerb(ctx, input.orderId, 'approve_quote', ['owner'], {
      derive: (fresh) => {
        const charge = withAnsweredQuote(fresh, { confirmed: true, at: ctx.now() });
        return { charge, label: `业主已确认报价 ${formatYuan(charge.quotes.at(-1)!.totalFen)}，待支付` };
      },
    });
    const confirmed = currentQuote(after);
    if (confirmed) await ensureRepairBill(ctx.store, after, confirmed, ctx.now());
    return toDetail(ctx, after, viewer);
  } catch (error) {
    // A concurrent confirm won the transition: this one answers as a retry would.
    const raced = isAppError(error) && error.code === 'PRECONDITION_FAILED' ? await alreadyConfirmed() : null;
    if (raced) return raced;
    throw error;
  }
};

/** 拒绝报价: work goes on unpaid; the technician may send a revised quote or finish free of charge. */
export const declineQuote: Handler<Api['declineQuote']> = async (input, ctx) => {
  const { after, viewer } = await performVerb(ctx, input.orderId, 'decline_quote', ['owner'], {
    derive: (fresh) => ({
      charge: withAnsweredQuote(fresh, { confirmed: false, at: ctx.now(), reason: input.reason }),
      label: '业主拒绝报价',
      note: input.reason,
    }),
  });
  return toDetail(ctx, after, viewer);
};

/**
 * 改为收费/免费: the desk overrides the rule with a reason (on the order, the timeline and, as a
 * staff write, the audit log). Refused once a quote waits or was confirmed: that money is settled
 * through the quote (or by cancelling the order), not by changing the rule under it.
 */
export const setChargeable: Handler<Api['setChargeable']> = async (input, ctx) => {
  const order = await loadOrder(ctx, input.orderId);
  const viewer = await viewerOf(ctx, order);
  if (!viewer.desk) throw new AppError('FORBIDDEN', '您不负责该小区');
  if (order.householdId === null) throw new AppError('PRECONDITION_FAILED', '该工单没有对应的房屋，不能收费');
  const name = identityOf(ctx).displayName;
  const at = ctx.now();
  const { after } = await commitChange(ctx, input.orderId, (fresh) => {
    if (['closed', 'cancelled'].includes(fresh.state))
      throw new AppError('PRECONDITION_FAILED', '工单已结束，不能修改收费方式');
    const charge = chargeOf(fresh);
    if (charge.quotes.some((q) => q.status !== 'declined'))
      throw new AppError('PRECONDITION_FAILED', '已有待确认或已确认的报价，不能修改收费方式');
    const label = input.chargeable ? `${name}将工单设为收费维修` : `${name}将工单设为免费维修`;
    const override = { chargeable: input.chargeable, reason: input.reason, byName: name, at };
    return remarkOrder(
      fresh,
      { at, actor: { kind: 'staff', name }, label, note: input.reason },
      { charge: { ...charge, override } },
    );
  });
  return toDetail(ctx, after, viewer);
};

export const priceList: Handler<Api['priceList']> = async (input, ctx) =>
  priceListOf(ctx.store, deskEstate(identityOf(ctx), input.estateId));

/** 收费标准: the estate's admin edits labour and parts prices (fen) and the warranty days. */
export const savePriceList: Handler<Api['savePriceList']> = async (input, ctx) => {
  const estateId = deskEstate(identityOf(ctx), input.estateId);
  const updatedAt = ctx.now();
  await workorderCollections(ctx.store).priceLists.set({
    _id: estateId,
    items: input.items,
    warranty: input.warranty,
    updatedAt,
  });
  return { estateId, items: input.items, warranty: input.warranty, updatedAt };
};
