import { z } from 'zod';
import type { DeviceType } from './device';

const ItemKey = z.string().regex(/^[a-z0-9_]{1,30}$/, '检查项编号只能包含小写字母、数字和下划线');

/**
 * One line of a checklist (检查项): a pass/fail check, or a reading that must fall within limits
 * (inclusive). A value item needs at least one limit.
 */
export const ChecklistItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('check'), key: ItemKey, label: z.string().trim().min(1).max(40) }).strict(),
  z
    .object({
      kind: z.literal('value'),
      key: ItemKey,
      label: z.string().trim().min(1).max(40),
      unit: z.string().trim().max(10),
      min: z.number().finite().nullable(),
      max: z.number().finite().nullable(),
    })
    .strict()
    .refine((item) => item.min !== null || item.max !== null, '读数项至少需要一个上限或下限')
    .refine((item) => item.min === null || item.max === null || item.min <= item.max, '下限不能大于上限'),
]);
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export const Checklist = z
  .array(ChecklistItem)
  .min(1, '检查表至少需要一项')
  .max(40)
  .refine((items) => new Set(items.map((i) => i.key)).size === items.length, '检查项编号不能重复');

/** What the technician recorded for one item on site. */
export const ItemResult = z
  .object({
    key: ItemKey,
    /** For check items. */
    passed: z.boolean().nullable().default(null),
    /** For value items. */
    value: z.number().finite().nullable().default(null),
    note: z.string().trim().max(200).default(''),
    photos: z.array(z.string().min(1).max(300)).max(6).default([]),
  })
  .strict();
export type ItemResult = z.infer<typeof ItemResult>;
export type ItemResultInput = z.input<typeof ItemResult>;

export type ItemOutcome = 'pass' | 'fail' | 'missing';

export interface ItemEvaluation {
  key: string;
  label: string;
  outcome: ItemOutcome;
  /** Why it failed, in words: '读数 0.18 MPa 低于下限 0.25 MPa'. */
  reason: string | null;
}

export interface ChecklistEvaluation {
  items: ItemEvaluation[];
  failed: ItemEvaluation[];
  missing: ItemEvaluation[];
  /** Every item answered and none failed. */
  passed: boolean;
}

function limitText(value: number, unit: string): string {
  return unit ? `${value} ${unit}` : String(value);
}

export function evaluateItem(item: ChecklistItem, result: ItemResult | undefined): ItemEvaluation {
  const base = { key: item.key, label: item.label };
  if (item.kind === 'check') {
    if (result?.passed == null) return { ...base, outcome: 'missing', reason: null };
    return result.passed
      ? { ...base, outcome: 'pass', reason: null }
      : { ...base, outcome: 'fail', reason: result.note || '检查不合格' };
  }
  const value = result?.value;
  if (value == null) return { ...base, outcome: 'missing', reason: null };
  if (item.min !== null && value < item.min)
    return {
      ...base,
      outcome: 'fail',
      reason: `读数 ${limitText(value, item.unit)} 低于下限 ${limitText(item.min, item.unit)}`,
    };
  if (item.max !== null && value > item.max)
    return {
      ...base,
      outcome: 'fail',
      reason: `读数 ${limitText(value, item.unit)} 高于上限 ${limitText(item.max, item.unit)}`,
    };
  return { ...base, outcome: 'pass', reason: null };
}

/** Judge a filled checklist; results for keys not on the list are ignored. */
export function evaluateChecklist(
  items: readonly ChecklistItem[],
  results: readonly ItemResult[],
): ChecklistEvaluation {
  const byKey = new Map(results.map((r) => [r.key, r]));
  const evaluated = items.map((item) => evaluateItem(item, byKey.get(item.key)));
  const failed = evaluated.filter((e) => e.outcome === 'fail');
  const missing = evaluated.filter((e) => e.outcome === 'missing');
  return { items: evaluated, failed, missing, passed: failed.length === 0 && missing.length === 0 };
}

/** '0.25–0.60 MPa', '≤ 65 ℃' */
export function describeLimits(item: ChecklistItem): string {
  if (item.kind === 'check') return '合格 / 不合格';
  const unit = item.unit ? ` ${item.unit}` : '';
  if (item.min !== null && item.max !== null) return `${item.min}–${item.max}${unit}`;
  if (item.min !== null) return `≥ ${item.min}${unit}`;
  return `≤ ${item.max}${unit}`;
}

const check = (key: string, label: string): ChecklistItem => ({ kind: 'check', key, label });
const value = (
  key: string,
  label: string,
  unit: string,
  min: number | null,
  max: number | null,
): ChecklistItem => ({
  kind: 'value',
  key,
  label,
  unit,
  min,
  max,
});

/** The default inspection template (巡检模板) per device type; plans may carry their own. */
export const defaultChecklists: Record<DeviceType, ChecklistItem[]> = {
  lift: [
    check('door_lock', '层门门锁电气联锁有效'),
    check('brake', '制动器动作可靠'),
    check('emergency_call', '轿厢紧急呼叫畅通'),
    value('leveling', '平层精度', 'mm', -10, 10),
    check('lighting', '轿厢照明与通风正常'),
  ],
  fire_pump: [
    check('start', '手动/自动启泵正常'),
    value('outlet_pressure', '出口压力', 'MPa', 0.25, 0.6),
    check('valves', '阀门处于常开状态'),
    check('no_leak', '无渗漏、无异响'),
  ],
  extinguisher: [
    value('pressure', '压力表读数', 'MPa', 1.2, 1.4),
    check('seal', '铅封、保险销完好'),
    check('hose', '喷管无老化破损'),
  ],
  water_pump: [
    value('outlet_pressure', '出口压力', 'MPa', 0.2, 0.6),
    value('bearing_temp', '轴承温度', '℃', null, 75),
    check('no_leak', '机械密封无渗漏'),
    check('switch_over', '主备泵切换正常'),
  ],
  water_tank: [
    check('lid_locked', '人孔盖板加锁'),
    check('clean', '水箱内无异物、无沉积'),
    value('residual_chlorine', '余氯', 'mg/L', 0.05, 4),
  ],
  transformer: [
    value('oil_temp', '上层油温', '℃', null, 85),
    check('noise', '运行声音正常'),
    check('grounding', '接地可靠'),
  ],
  generator: [
    check('start', '试启动正常'),
    value('battery_voltage', '蓄电池电压', 'V', 24, 28.8),
    value('fuel_level', '油箱油位', '%', 50, null),
  ],
  access_gate: [
    check('open_close', '开闸关闸正常'),
    check('card_reader', '刷卡/人脸识别正常'),
    check('anti_smash', '防砸功能有效'),
  ],
  camera: [check('image', '画面清晰无遮挡'), check('recording', '录像连续保存')],
  hvac: [
    value('supply_temp', '出风温度', '℃', 10, 30),
    check('filter', '滤网清洁'),
    check('drain', '冷凝水排水畅通'),
  ],
  power_meter: [check('reading', '读数正常走字'), check('seal', '表箱封印完好')],
};
