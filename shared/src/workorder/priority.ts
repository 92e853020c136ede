import { z } from 'zod';
import { workOrderCategoryLabels, type WorkOrderCategory } from './category';

export const Priority = z.enum(['urgent', 'high', 'normal', 'low']);
export type Priority = z.infer<typeof Priority>;

export const priorityLabels: Record<Priority, string> = {
  urgent: '紧急',
  high: '较急',
  normal: '一般',
  low: '不急',
};

/** 0 = most urgent; sorts queues. */
export const priorityRank: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

const higher = (a: Priority, b: Priority): Priority => (priorityRank[a] <= priorityRank[b] ? a : b);

/** Danger to people or property spreading right now: 15-minute response. */
const URGENT_WORDS = [
  '漏水',
  '水管爆裂',
  '爆管',
  '跑水',
  '淹水',
  '电梯困人',
  '困人',
  '被困',
  '关在电梯',
  '停电',
  '断电',
  '燃气',
  '煤气',
  '天然气',
  '漏气',
  '着火',
  '起火',
  '冒烟',
  '火花',
  '触电',
  '漏电',
];
/** Daily life blocked but nothing spreading. */
const HIGH_WORDS = [
  '渗水',
  '滴水',
  '堵塞',
  '堵了',
  '下水道',
  '没水',
  '停水',
  '跳闸',
  '没电',
  '电梯故障',
  '电梯停',
  '门禁',
  '进不了门',
  '没有热水',
];
/** Cosmetic or advisory. */
const LOW_WORDS = ['掉漆', '划痕', '墙皮', '咨询', '建议', '异响'];

/** A keyword preceded by one of these ("不漏水了", "没有停电") says the opposite. */
const NEGATIONS = ['不', '没', '没有', '无', '未', '已经不'];

const categoryBase: Record<WorkOrderCategory, Priority> = {
  plumbing: 'normal',
  electrical: 'normal',
  lift: 'high',
  locks: 'normal',
  hvac: 'normal',
  gas: 'urgent',
  civil: 'normal',
  other: 'normal',
};

function mentions(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text.slice(Math.max(0, at - 3), at);
    if (!NEGATIONS.some((n) => before.endsWith(n))) return true;
  }
  return false;
}

export interface PriorityAssessment {
  priority: Priority;
  /** Why, in words staff read: `关键词“漏水”` / `类别“电梯”`. */
  reasons: string[];
}

/**
 * Priority from the category and the words of the description. The most urgent signal wins;
 * low-priority words only lower an otherwise ordinary order.
 */
export function assessPriority(category: WorkOrderCategory, description: string): PriorityAssessment {
  const text = description.replace(/\s+/g, '');
  const base = categoryBase[category];
  const urgent = URGENT_WORDS.filter((w) => mentions(text, w));
  const high = HIGH_WORDS.filter((w) => mentions(text, w));
  const low = LOW_WORDS.filter((w) => mentions(text, w));
  const quote = (words: string[]) => words.map((w) => `“${w}”`).join('、');

  if (urgent.length) return { priority: 'urgent', reasons: [`关键词${quote(urgent)}`] };
  const reasons: string[] = [];
  if (base !== 'normal') reasons.push(`类别“${workOrderCategoryLabels[category]}”`);
  if (high.length) {
    reasons.push(`关键词${quote(high)}`);
    return { priority: higher('high', base), reasons };
  }
  if (base !== 'normal') return { priority: base, reasons };
  if (low.length) return { priority: 'low', reasons: [`关键词${quote(low)}`] };
  return { priority: 'normal', reasons: [] };
}
