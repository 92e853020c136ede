import type { HouseholdBills } from '@linli/shared';
import { messageId } from '@linli/cloudfunctions/src/messaging/documents';
import { accountIdFor } from '@linli/cloudfunctions/src/_lib/identity';
import { OWNER, paymentRuntime, type PaymentRuntime } from '../helpers/payment';

jest.setTimeout(30_000);

/**
 * A crash can fall between settling an order and its follow-up (the 缴费成功 message, a top-up's
 * credit). The notification is then not acknowledged, so WeChat sends it again: that replay must
 * finish the follow-up, once.
 */
describe('a replayed notification finishes the follow-up a crash cut off', () => {
  let t: PaymentRuntime;
  beforeEach(async () => {
    t = await paymentRuntime();
  });
  afterEach(() => t.close());

  it('sends the 缴费成功 message that was never written, and only one', async () => {
    const { households } = await t.ok<{ households: HouseholdBills[] }>(OWNER, 'billing', 'bills.mine');
    const order = await t.pay([households[0]!.unpaid[0]!.billId]);
    const receipt = messageId('payment_received', order.outTradeNo, accountIdFor(OWNER));
    const outbox = t.store.collection('outbox');
    expect(await outbox.get(receipt)).not.toBeNull();
    // As if the process died after the settlement's transaction, before the message.
    await outbox.remove(receipt);

    const sent = t.sim.lastSent!;
    const replay = () =>
      fetch(sent.url, { method: 'POST', headers: sent.headers, body: sent.body }).then((r) => r.status);
    expect(await replay()).toBe(204);
    expect(await outbox.get(receipt)).toMatchObject({ kind: 'payment_received', eventKey: order.outTradeNo });
    expect(await replay()).toBe(204);
    expect(await outbox.count({ where: { eventKey: order.outTradeNo } })).toBe(1);
  });
});
