import { z } from 'zod';
import type { MessageKind } from './kinds';
import { MAX_TEMPLATES_PER_REQUEST } from './quota';

/**
 * Natural moments to ask for quota: `requestSubscribeMessage` only works on a tap, and people
 * accept what is plainly useful right then.
 */
export const SubscribeMoment = z.enum([
  'after_payment',
  'bill_view',
  'after_repair_report',
  'after_binding_claim',
  'notice_feed',
  'staff_workbench',
  'service_contact',
]);
export type SubscribeMoment = z.infer<typeof SubscribeMoment>;

/** Kinds to ask for at each moment, most useful first. */
export const momentKinds: Record<SubscribeMoment, readonly MessageKind[]> = {
  after_payment: ['payment_received', 'bill_issued', 'bill_due'],
  bill_view: ['bill_issued', 'bill_due'],
  after_repair_report: ['repair_progress'],
  after_binding_claim: ['binding_decided'],
  notice_feed: ['notice_published'],
  staff_workbench: ['alarm_raised'],
  service_contact: ['service_reply'],
};

/**
 * The template ids to pass to `requestSubscribeMessage` at a moment: the kinds the person has
 * on, one id per template (two kinds may share a template), at most 3.
 */
export function templatesForMoment(
  moment: SubscribeMoment,
  enabled: (kind: MessageKind) => boolean,
  templateIdOf: (kind: MessageKind) => string,
): string[] {
  const ids: string[] = [];
  for (const kind of momentKinds[moment]) {
    const id = templateIdOf(kind);
    if (enabled(kind) && !ids.includes(id)) ids.push(id);
  }
  return ids.slice(0, MAX_TEMPLATES_PER_REQUEST);
}
