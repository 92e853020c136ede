import { fen, type PaymentOrder } from '@linli/shared';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import { ensureAllIndexes } from '@linli/cloudfunctions/src/_lib/collections';
import { createLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import type { Doc } from '@linli/cloudfunctions/src/_lib/store/port';
import { generateSimKeys, simulatorEnv } from '@linli/cloudfunctions/src/local/wxpay-sim/keys';
import { paymentConfig } from '@linli/cloudfunctions/src/payment/config';
import { ORDERS, type OrderDoc } from '@linli/cloudfunctions/src/payment/documents';
import { handlePaymentNotify } from '@linli/cloudfunctions/src/payment/notify/handle-notify';
import { verifyNotification } from '@linli/cloudfunctions/src/payment/notify/verify-notification';
import { perSecond, timeMs, type Benchmark } from '../harness';

const NOTIFICATIONS = 2000;
const ESTATE_ID = 'est_bench';

/** A notification as WeChat Pay sends it: AES-256-GCM resource, RSA-signed headers. */
function notification(keys: ReturnType<typeof generateSimKeys>, order: OrderDoc, now: number) {
  const nonce = Formatter.nonce(12);
  const resource = {
    appid: keys.appid,
    mchid: keys.mchid,
    out_trade_no: order._id,
    transaction_id: `42${order._id}`,
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    success_time: new Date(now).toISOString(),
    payer: { openid: 'bench-owner' },
    amount: { total: order.amountFen, payer_total: order.amountFen, currency: 'CNY' },
  };
  const body = JSON.stringify({
    id: `EV-${order._id}`,
    create_time: new Date(now).toISOString(),
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: Aes.AesGcm.encrypt(JSON.stringify(resource), keys.apiV3Key, nonce, 'transaction'),
      associated_data: 'transaction',
      nonce,
    },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headerNonce = Formatter.nonce();
  return {
    body,
    headers: {
      'wechatpay-timestamp': timestamp,
      'wechatpay-nonce': headerNonce,
      'wechatpay-serial': keys.platformSerial,
      'wechatpay-signature': Rsa.sign(
        Formatter.response(timestamp, headerNonce, body),
        keys.platformPrivatePem,
      ),
    },
  };
}

/**
 * Payment notifications verified (RSA), decrypted (AES-256-GCM), checked and settled (order and
 * bill in one SQLite transaction), one after another through the HTTP handler — against the
 * signature check alone on the same notifications, the floor any handler pays.
 */
const notifySettle: Benchmark = {
  name: 'payment.notify-settle',
  unit: 'notifications/s',
  higherIsBetter: true,
  async run() {
    const keys = generateSimKeys();
    Object.assign(process.env, simulatorEnv(keys, 'http://127.0.0.1:9'));
    const config = paymentConfig();
    const store = createSqliteStore({ file: ':memory:' });
    await ensureAllIndexes(store);
    const log = createLogger({ level: 'error' });
    const now = Date.now();
    const orders: OrderDoc[] = [];
    const bills: Doc[] = [];
    for (let i = 0; i < NOTIFICATIONS; i++) {
      const householdId = `hh_bench_${i}`;
      const billId = `bill_${householdId}_2026-07_property`;
      const amountFen = fen(20000 + i);
      bills.push({
        _id: billId,
        estateId: ESTATE_ID,
        householdId,
        period: '2026-07',
        itemName: '物业费',
        amountFen,
        discountFen: 0,
        waivedFen: 0,
        paidFen: 0,
        prepaidFen: 0,
        lateFeePaidFen: 0,
        status: 'unpaid',
        void: null,
        payingOrderId: `LB2607101000BENCH${String(i).padStart(5, '0')}`,
      });
      const order: PaymentOrder = {
        _id: `LB2607101000BENCH${String(i).padStart(5, '0')}`,
        purpose: 'bills',
        channel: 'wechat',
        estateId: ESTATE_ID,
        householdId,
        roomCode: `1-1-${i}`,
        accountId: 'acct_bench',
        openid: 'bench-owner',
        description: '物业费',
        lines: [
          {
            billId,
            period: '2026-07',
            itemName: '物业费',
            principalFen: amountFen,
            lateFeeFen: fen(0),
            refundedFen: fen(0),
          },
        ],
        amountFen,
        status: 'open',
        createdAt: now,
        expiresAt: now + 900_000,
        prepayId: 'wx_bench',
        transactionId: null,
        paidAt: null,
        closedAt: null,
        closeReason: null,
        refundedFen: fen(0),
        refundingFen: fen(0),
        receiptNo: null,
        recordedByName: null,
        note: null,
        cancel: null,
        credited: false,
        checkedAt: null,
        updatedAt: now,
      };
      orders.push({ ...order, paidOn: null, refundCount: 0 });
    }
    await store.collection('bills').insertMany(bills);
    await store.collection<OrderDoc>(ORDERS).insertMany(orders);
    const sent = orders.map((o) => notification(keys, o, now));

    const baselineMs = await timeMs(() => {
      for (const n of sent) {
        const ok = Rsa.verify(
          Formatter.response(n.headers['wechatpay-timestamp'], n.headers['wechatpay-nonce'], n.body),
          n.headers['wechatpay-signature'],
          config.platformPublicKey,
        );
        if (!ok) throw new Error('baseline signature failed');
      }
    });
    let verifyOnly = 0;
    const decryptMs = await timeMs(() => {
      for (const n of sent) if (verifyNotification(config, n.headers, n.body, Date.now()).ok) verifyOnly++;
    });
    const settleMs = await timeMs(async () => {
      for (const n of sent) {
        const answer = await handlePaymentNotify(
          { method: 'POST', path: '/pay/notify', headers: n.headers, body: n.body },
          { store, log, now: Date.now },
        );
        if (answer.statusCode !== 204)
          throw new Error(`notify answered ${answer.statusCode}: ${answer.body}`);
      }
    });
    const paid = await store.collection('bills').count({ where: { status: 'paid' } });
    await store.close();
    if (paid !== NOTIFICATIONS || verifyOnly !== NOTIFICATIONS)
      throw new Error(`settled ${paid} of ${NOTIFICATIONS}`);
    return {
      value: perSecond(NOTIFICATIONS, settleMs),
      baseline: perSecond(NOTIFICATIONS, baselineMs),
      notes: `${NOTIFICATIONS} notifications; verify+decrypt ${Math.round(perSecond(NOTIFICATIONS, decryptMs))}/s`,
    };
  },
};

export const paymentBenchmarks: Benchmark[] = [notifySettle];
