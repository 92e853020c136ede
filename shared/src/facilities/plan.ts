import { z } from 'zod';
import { Id } from '../schemas/property';
import { Skill } from '../schemas/staff';
import { Checklist } from './checklist';
import { DeviceType } from './device';
import { addCalendarDays, occurrencesBetween, Recurrence } from './recurrence';

/** What a plan covers: one device, or every device of a type in the estate. */
export const PlanTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('device'), deviceId: Id }).strict(),
  z.object({ kind: z.literal('type'), deviceType: DeviceType }).strict(),
]);
export type PlanTarget = z.infer<typeof PlanTarget>;

/** Who does the work: a technician skill (dispatch picks the person) or a named staff member. */
export const PlanResponsible = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('skill'), skill: Skill }).strict(),
  z.object({ kind: z.literal('staff'), staffId: Id }).strict(),
]);
export type PlanResponsible = z.infer<typeof PlanResponsible>;

/** How many days before the due date the order is opened (提前天数). */
export const MAX_LEAD_DAYS = 30;

export const PlanFields = z
  .object({
    name: z.string().trim().min(1, '请填写计划名称').max(40),
    target: PlanTarget,
    recurrence: Recurrence,
    checklist: Checklist,
    responsible: PlanResponsible,
    leadDays: z.number().int().min(0).max(MAX_LEAD_DAYS).default(0),
    active: z.boolean().default(true),
  })
  .strict();
export type PlanFields = z.infer<typeof PlanFields>;
export type PlanFieldsInput = z.input<typeof PlanFields>;

/** A maintenance plan (维护计划, collection `maintenance_plans`). */
export interface MaintenancePlan extends PlanFields {
  _id: string;
  estateId: string;
  /**
   * Occurrences due on or before this date have had their orders opened. The job moves it
   * forward only after each order exists, so a crash mid-way resumes where it stopped.
   */
  generatedThrough: string | null;
  createdAt: number;
  updatedAt: number;
  version: number;
}

/**
 * The due dates a plan still owes orders for, as of `today`: everything after what was already
 * generated, up to `leadDays` ahead. Catch-up is built in: days the job missed come out here.
 */
export function dueOccurrences(
  plan: Pick<MaintenancePlan, 'recurrence' | 'leadDays' | 'generatedThrough' | 'active'>,
  today: string,
): string[] {
  if (!plan.active) return [];
  return occurrencesBetween(plan.recurrence, plan.generatedThrough, addCalendarDays(today, plan.leadDays));
}

/**
 * Where a new plan starts generating: occurrences before today are history, not backlog, so a
 * plan written today with last year's anchor does not open a year of orders at once.
 */
export function initialGeneratedThrough(recurrence: Recurrence, today: string): string | null {
  return recurrence.start < today ? addCalendarDays(today, -1) : null;
}

/** Does a plan cover this device? */
export function planCovers(target: PlanTarget, device: { _id: string; type: DeviceType }): boolean {
  return target.kind === 'device' ? target.deviceId === device._id : target.deviceType === device.type;
}

/** cyrb53 with a seed: a fast 53-bit string hash, in base 36. */
function hash53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

/**
 * The id of one (plan, device, due date): derived, so it exists at most once, and short enough
 * for an id (plan and device ids are hashed with two seeds, 106 bits).
 */
export function occurrenceId(planId: string, deviceId: string, dueDate: string): string {
  const pair = `${planId}|${deviceId}`;
  return `mocc_${dueDate.replaceAll('-', '')}_${hash53(pair, 1)}${hash53(pair, 2)}`;
}
