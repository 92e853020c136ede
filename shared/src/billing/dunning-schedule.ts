import { z } from 'zod';
import { keyId } from '../ids/ids';
import type { Fen } from '../money/money';
import type { LocalDate } from '../time/shanghai';
import { addDays } from './calendar';

/**
 * 催缴 schedule: reminders at offsets from the due date, in days (−3: three days before,
 * 0: on the day, 7: a week overdue).
 */
export const DunningSchedule = z
  .array(z.number().int().min(-30).max(365))
  .min(1, '至少设置一个提醒时间')
  .max(8, '最多设置 8 个提醒时间')
  .refine((offsets) => new Set(offsets).size === offsets.length, '提醒时间不能重复')
  .transform((offsets) => [...offsets].sort((a, b) => a - b));
export type DunningSchedule = z.output<typeof DunningSchedule>;

export const DEFAULT_DUNNING_SCHEDULE: DunningSchedule = [-3, 0, 7, 30];

/** A stable name per offset; attempts are keyed by it, so a step never sends twice. */
export function dunningStepKey(offsetDays: number): string {
  if (offsetDays < 0) return `before${-offsetDays}`;
  return offsetDays === 0 ? 'due' : `after${offsetDays}`;
}

export function dunningStepLabel(offsetDays: number): string {
  if (offsetDays < 0) return `到期前 ${-offsetDays} 天`;
  return offsetDays === 0 ? '到期当天' : `逾期 ${offsetDays} 天`;
}

/** The due date whose bills a step reminds of on a given day. */
export function dueDateForStep(today: LocalDate, offsetDays: number): LocalDate {
  return addDays(today, -offsetDays);
}

/**
 * One reminder of one bill at one step, recorded whether a message went out or the household
 * went on the call list. Its id is (bill, step), so re-running the daily job never repeats it.
 */
export type DunningAttempt = {
  _id: string;
  estateId: string;
  billId: string;
  householdId: string;
  roomCode: string;
  offsetDays: number;
  step: string;
  dueDate: LocalDate;
  /** The day the step was due (the job's day, also when catching up). */
  scheduledOn: LocalDate;
  outstandingFen: Fen;
  channel: 'message' | 'call';
  messageIds: string[];
  callId: string | null;
  at: number;
};

/** 电话催缴: one entry per household and step, for households no message can reach. */
export type DunningCall = {
  _id: string;
  estateId: string;
  householdId: string;
  roomCode: string;
  offsetDays: number;
  step: string;
  dueDate: LocalDate;
  scheduledOn: LocalDate;
  billIds: string[];
  outstandingFen: Fen;
  status: 'open' | 'done';
  outcome: string | null;
  calledBy: string | null;
  calledByName: string | null;
  calledAt: number | null;
  createdAt: number;
};

export const dunningCallId = (householdId: string, dueDate: LocalDate, offsetDays: number): string =>
  keyId('call', householdId, dueDate, dunningStepKey(offsetDays));

export const dunningAttemptId = (billId: string, offsetDays: number): string =>
  keyId('dun', billId, dunningStepKey(offsetDays));

/** Billing settings of an estate; only the dunning schedule so far. */
export type BillingSettings = {
  _id: string;
  estateId: string;
  dunningOffsets: number[];
  updatedAt: number;
  updatedBy: string;
};

export const billingSettingsId = (estateId: string): string => keyId('bset', estateId);
