import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { z } from 'zod';

dayjs.extend(utc);

/**
 * All business time is Asia/Shanghai. China has kept UTC+8 without daylight saving since 1991,
 * so a fixed offset is exact for every date we handle and needs no Intl time-zone data, which
 * some mini-program JS engines lack.
 */
export const SHANGHAI_OFFSET_MINUTES = 480;

export type Instant = Date | number | string | Dayjs;

export function shanghai(instant: Instant = Date.now()): Dayjs {
  return dayjs(instant).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** A calendar date, 'YYYY-MM-DD', as seen in Shanghai. */
export const LocalDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => dayjs(s, 'YYYY-MM-DD').format('YYYY-MM-DD') === s, '日期不存在');
export type LocalDate = z.infer<typeof LocalDate>;

/** Midnight at the start of a Shanghai calendar date. */
export function startOfLocalDate(date: string): Dayjs {
  return shanghai(`${date}T00:00:00+08:00`);
}

export function toLocalDate(instant: Instant): LocalDate {
  return shanghai(instant).format('YYYY-MM-DD');
}

export function formatDateTime(instant: Instant): string {
  return shanghai(instant).format('YYYY-MM-DD HH:mm');
}

/** Whole days from one calendar date to another (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round(startOfLocalDate(b).diff(startOfLocalDate(a), 'hour') / 24);
}
