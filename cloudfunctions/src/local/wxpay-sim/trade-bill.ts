import { shanghai } from '@linli/shared';
import type { SimKeys } from './keys';
import type { SimOrder } from './simulator';

const HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const SUMMARY_HEADER =
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';

const yuan = (fen: number): string => (fen / 100).toFixed(2);
/** 0.6% fee, rounded to 5 decimals of yuan as WeChat prints it. */
const fee = (fen: number): string => ((fen * 0.006) / 100).toFixed(5);
const row = (cells: string[]): string => cells.map((c) => `\`${c}`).join(',');

/**
 * An ALL trade bill as WeChat Pay serves it: a UTF-8 BOM, the header, one backtick-prefixed row
 * per successful payment, the summary header and row, a final newline (what castCsvBill expects).
 */
export function buildTradeBill(orders: readonly SimOrder[], keys: SimKeys): Buffer {
  const lines = orders.map((o) =>
    row([
      shanghai(o.successAt!).format('YYYY-MM-DD HH:mm:ss'),
      keys.appid,
      keys.mchid,
      '0',
      '',
      o.transactionId ?? '',
      o.out_trade_no,
      o.openid,
      'JSAPI',
      'SUCCESS',
      'OTHERS',
      'CNY',
      yuan(o.total),
      '0.00',
      '0',
      '0',
      '0.00',
      '0.00',
      '',
      '',
      o.description,
      o.attach,
      fee(o.total),
      '0.60%',
      yuan(o.total),
      '0.00',
      '',
    ]),
  );
  const total = orders.reduce((s, o) => s + o.total, 0);
  const fees = orders.reduce((s, o) => s + (o.total * 0.006) / 100, 0);
  const summary = row([
    String(orders.length),
    yuan(total),
    '0.00',
    '0.00',
    fees.toFixed(5),
    yuan(total),
    '0.00',
  ]);
  return Buffer.from(`\ufeff${[HEADER, ...lines, SUMMARY_HEADER, summary].join('\r\n')}\r\n`, 'utf8');
}
