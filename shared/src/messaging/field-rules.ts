/**
 * WeChat's value rules for subscription-message data (订阅消息 参数值内容限制), checked before a
 * send so a bad value is caught here rather than answered with 47003 by WeChat. A data key's
 * type is its name without the trailing number: `thing1` is a thing, `character_string5` a
 * character_string.
 *
 * WeChat never shortens a value, it refuses it. We shorten only `thing` (free text, any
 * characters, so a shortened text is still a valid thing and still readable); every other type
 * carries an identifier, an amount, a time or a fixed word, where a cut value would be wrong,
 * so those are refused.
 */

export const wechatValueTypes = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;
export type WechatValueType = (typeof wechatValueTypes)[number];

const KEY = /^([a-z_]+?)(\d+)$/;

/** `thing1` → 'thing'; null for a key WeChat would not have issued. */
export function valueTypeOfKey(key: string): WechatValueType | null {
  const match = KEY.exec(key);
  const type = match?.[1];
  return (wechatValueTypes as readonly string[]).includes(type ?? '') ? (type as WechatValueType) : null;
}

export type FieldCheck = { ok: true; value: string; truncated: boolean } | { ok: false; reason: string };

/** WeChat counts characters, not UTF-16 units: '𠮷' is one. */
const length = (text: string): number => Array.from(text).length;

const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const ONLY_HAN = (max: number) => new RegExp(`^[${HAN}]{1,${max}}$`);

export const THING_MAX = 20;
const ELLIPSIS = '…';

function thing(value: string): FieldCheck {
  const text = value.replace(/\s+/g, ' ').trim();
  if (!text) return { ok: false, reason: '内容不能为空' };
  if (length(text) <= THING_MAX) return { ok: true, value: text, truncated: false };
  const cut = Array.from(text)
    .slice(0, THING_MAX - 1)
    .join('')
    .trimEnd();
  return { ok: true, value: `${cut}${ELLIPSIS}`, truncated: true };
}

function matches(pattern: RegExp, rule: string) {
  return (value: string): FieldCheck =>
    pattern.test(value) ? { ok: true, value, truncated: false } : { ok: false, reason: rule };
}

const digitsIn = (text: string): number => (text.match(/\d/g) ?? []).length;

function amount(value: string): FieldCheck {
  const rule = '金额须为“¥12.50”或“12.50元”的格式，最多 10 位数字';
  const match = /^([¥￥$])?(\d+(?:\.\d+)?)(元)?$/.exec(value);
  if (!match || (!match[1] && !match[3]) || digitsIn(match[2]!) > 10) return { ok: false, reason: rule };
  return { ok: true, value, truncated: false };
}

function number(value: string): FieldCheck {
  if (!/^\d+(\.\d+)?$/.test(value) || digitsIn(value) > 32)
    return { ok: false, reason: '须为 32 位以内的数字，可带小数' };
  return { ok: true, value, truncated: false };
}

// --- time and date -------------------------------------------------------------------------

const DATE = /^(\d{4})(?:年(\d{1,2})月(\d{1,2})日|([-/])(\d{1,2})\4(\d{1,2}))$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function validDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[5]);
  const day = Number(m[3] ?? m[6]);
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function validClock(text: string): boolean {
  const m = CLOCK.exec(text);
  return !!m && Number(m[1]) <= 23 && Number(m[2]) <= 59 && Number(m[3] ?? 0) <= 59;
}

/** One point in time: [date] [clock]; which parts are required depends on the type. */
function validMoment(text: string, needs: 'clock' | 'date'): boolean {
  const parts = text.trim().split(/\s+/);
  if (parts.length === 1) return needs === 'clock' ? validClock(parts[0]!) : validDate(parts[0]!);
  return parts.length === 2 && validDate(parts[0]!) && validClock(parts[1]!);
}

/** A point, or a period written as two points joined by `~`. */
function moment(needs: 'clock' | 'date', rule: string) {
  return (value: string): FieldCheck => {
    const points = value.split('~');
    const ok = points.length <= 2 && points.every((point) => validMoment(point, needs));
    return ok ? { ok: true, value, truncated: false } : { ok: false, reason: rule };
  };
}

// --- the rest ------------------------------------------------------------------------------

function carNumber(value: string): FieldCheck {
  const chars = Array.from(value);
  const ok =
    chars.length >= 2 &&
    chars.length <= 8 &&
    chars.every((c, i) =>
      /[A-Z0-9]/.test(c) ? true : (i === 0 || i === chars.length - 1) && ONLY_HAN(1).test(c),
    );
  return ok
    ? { ok: true, value, truncated: false }
    : { ok: false, reason: '车牌号最多 8 位，首尾可为汉字，其余为大写字母或数字' };
}

function personName(value: string): FieldCheck {
  const ok = ONLY_HAN(10).test(value) || /^[A-Za-z!-/:-@[-`{-~ ]{1,20}$/.test(value);
  return ok
    ? { ok: true, value, truncated: false }
    : { ok: false, reason: '姓名须为 10 个以内汉字，或 20 个以内字母' };
}

const checks: Record<WechatValueType, (value: string) => FieldCheck> = {
  thing,
  number,
  letter: matches(/^[A-Za-z]{1,32}$/, '须为 32 个以内的字母'),
  symbol: matches(/^[^\p{L}\p{N}\s]{1,5}$/u, '须为 5 个以内的符号'),
  character_string: matches(/^[\x21-\x7e]{1,32}$/, '须为 32 位以内的数字、字母或符号（不含汉字和空格）'),
  time: moment('clock', '时间须为“15:01”或“2026年1月5日 15:01”的格式，时间段用 ~ 连接'),
  date: moment('date', '日期须为“2026年1月5日”的格式，可带时间，时间段用 ~ 连接'),
  amount,
  phone_number: matches(/^[\d+\-*()]{1,17}$/, '电话须为 17 位以内的数字或符号'),
  car_number: carNumber,
  name: personName,
  phrase: matches(ONLY_HAN(5), '须为 5 个以内的汉字'),
};

/**
 * Check one value against its type's rule. `thing` values are tidied (whitespace collapsed)
 * and shortened to 20 characters with an ellipsis; other values pass unchanged or are refused
 * with a reason in Chinese.
 */
export function checkFieldValue(type: WechatValueType, raw: string): FieldCheck {
  if (type === 'thing') return thing(raw);
  const value = raw.trim();
  if (!value) return { ok: false, reason: '内容不能为空' };
  return checks[type](value);
}
