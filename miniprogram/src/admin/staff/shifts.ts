import type { Shift } from '@linli/shared';

/** 0 = Sunday, as in the schema; shown Monday first, as people read a week here. */
export const weekdayLabels = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const mondayFirst = (weekday: number) => (weekday + 6) % 7;

export function sortShifts(shifts: readonly Shift[]): Shift[] {
  return [...shifts].sort(
    (a, b) => mondayFirst(a.weekday) - mondayFirst(b.weekday) || a.start.localeCompare(b.start),
  );
}

/** 周一至周五 08:00–17:30；周六 09:00–12:00 — one phrase per distinct time range. */
export function describeShifts(shifts: readonly Shift[]): string {
  if (shifts.length === 0) return '未排班';
  const byTime = new Map<string, number[]>();
  for (const shift of sortShifts(shifts)) {
    const time = `${shift.start}–${shift.end}`;
    byTime.set(time, [...(byTime.get(time) ?? []), shift.weekday]);
  }
  return [...byTime.entries()].map(([time, days]) => `${describeDays(days)} ${time}`).join('；');
}

function describeDays(days: number[]): string {
  const order = [...new Set(days.map(mondayFirst))].sort((a, b) => a - b);
  const label = (i: number) => weekdayLabels[(i + 1) % 7] ?? '';
  const first = order[0];
  const last = order[order.length - 1];
  const consecutive = first !== undefined && last !== undefined && last - first === order.length - 1;
  if (consecutive && order.length >= 3) return `${label(first)}至${label(last)}`;
  return order.map(label).join('、');
}
