import { Cron } from 'croner';
import { SHANGHAI_OFFSET_MINUTES } from '@linli/shared';

/**
 * CloudBase timer triggers use 7 fields (second minute hour day month weekday year) in UTC+8.
 * croner takes the first six; a year field other than `*` is not supported by our jobs.
 */
export function parseCloudbaseCron(expression: string): Cron {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 7) throw new RangeError(`CloudBase cron needs 7 fields: ${expression}`);
  if (fields[6] !== '*') throw new RangeError(`year field must be *: ${expression}`);
  return new Cron(fields.slice(0, 6).join(' '), {
    paused: true,
    utcOffset: SHANGHAI_OFFSET_MINUTES,
    legacyMode: true,
  });
}

/**
 * Occurrences after `since` (exclusive) up to `until` (inclusive), oldest first, at most `max`.
 * A job that missed runs during downtime gets each missed occurrence exactly once.
 */
export function dueOccurrences(expression: string, since: Date, until: Date, max: number): Date[] {
  const cron = parseCloudbaseCron(expression);
  const due: Date[] = [];
  let cursor: Date | null = since;
  while (due.length < max) {
    cursor = cron.nextRun(cursor);
    if (!cursor || cursor > until) break;
    due.push(cursor);
  }
  return due;
}
