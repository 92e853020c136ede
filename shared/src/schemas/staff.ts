import { z } from 'zod';
import { shanghai, type Instant } from '../time/shanghai';
import { StaffRole } from './identity';
import { Id } from './property';

/** Technician skills; dispatch matches work orders to these. */
export const Skill = z.enum(['plumbing', 'electrical', 'lift', 'locks', 'hvac', 'general']);
export type Skill = z.infer<typeof Skill>;
export const skillLabels: Record<Skill, string> = {
  plumbing: '水暖',
  electrical: '电工',
  lift: '电梯',
  locks: '门锁',
  hvac: '空调暖通',
  general: '综合维修',
};

const HHmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

/** A weekly shift in Shanghai time; `end` before `start` means it runs past midnight. */
export const Shift = z.object({
  weekday: z.number().int().min(0).max(6), // 0 = Sunday
  start: HHmm,
  end: HHmm,
});
export type Shift = z.infer<typeof Shift>;

export const StaffMember = z.object({
  _id: Id,
  name: z.string().min(1).max(30),
  phone: z.string().regex(/^1\d{10}$/, '手机号格式不正确'),
  roles: z.array(StaffRole).min(1, '至少选择一个岗位'),
  estateIds: z.array(Id).min(1, '至少选择一个小区'),
  skills: z.array(Skill),
  /** 1 (apprentice) … 5 (master); dispatch prefers higher levels for hard jobs. */
  level: z.number().int().min(1).max(5),
  shifts: z.array(Shift).max(21),
  accountId: Id.nullable(),
  inviteCode: z.string().nullable(),
  active: z.boolean(),
  updatedAt: z.number().int(),
});
export type StaffMember = z.infer<typeof StaffMember>;

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** Whether a weekly shift list covers an instant (Shanghai time), overnight shifts included. */
export function isOnShift(shifts: readonly Shift[], instant: Instant): boolean {
  const t = shanghai(instant);
  const now = t.hour() * 60 + t.minute();
  const today = t.day();
  const yesterday = (today + 6) % 7;
  return shifts.some((s) => {
    const start = minutes(s.start);
    const end = minutes(s.end);
    if (start <= end) return s.weekday === today && now >= start && now < end;
    // Overnight: the evening part today, or the early-morning part of yesterday's shift.
    return (s.weekday === today && now >= start) || (s.weekday === yesterday && now < end);
  });
}
