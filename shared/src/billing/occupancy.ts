import type { Membership, Occupancy } from '../schemas/property';
import type { Period } from '../time/period';
import type { LocalDate } from '../time/shanghai';
import { firstDayOf, lastDayOf } from './calendar';

/** From `from` on (until the next change) the home is vacant or lived in. */
export interface OccupancyChange {
  from: LocalDate;
  vacant: boolean;
}

type Stay = Pick<Membership, 'movedInOn' | 'movedOutOn'>;

/**
 * Whether a home stands empty (空置) on each day of a period, from its residents' move-in and
 * move-out dates. A move-in date is the first day lived in, a move-out date the first day
 * empty again. Residents without dates count as living there since ever, except in a home
 * flagged vacant: there they are owners on record who never moved in. With no residents at
 * all, the household's flag decides.
 */
export function occupancyInPeriod(
  household: { occupancy: Occupancy },
  residents: readonly Stay[],
  period: Period,
): OccupancyChange[] {
  return occupancyInRange(household, residents, firstDayOf(period), lastDayOf(period));
}

/** occupancyInPeriod over any stretch of days (a cycle from the handover day, a quarter). */
export function occupancyInRange(
  household: { occupancy: Occupancy },
  residents: readonly Stay[],
  first: LocalDate,
  last: LocalDate,
): OccupancyChange[] {
  if (!residents.length) return [{ from: first, vacant: household.occupancy === 'vacant' }];
  const counted = residents.filter((r) => household.occupancy !== 'vacant' || r.movedInOn !== null);
  const livedIn = (day: LocalDate): boolean =>
    counted.some(
      (r) => (r.movedInOn === null || r.movedInOn <= day) && (r.movedOutOn === null || day < r.movedOutOn),
    );
  const days = new Set<LocalDate>([first]);
  for (const r of counted)
    for (const day of [r.movedInOn, r.movedOutOn])
      if (day !== null && day > first && day <= last) days.add(day);
  const changes: OccupancyChange[] = [];
  for (const from of [...days].sort()) {
    const vacant = !livedIn(from);
    if (changes[changes.length - 1]?.vacant !== vacant) changes.push({ from, vacant });
  }
  return changes;
}

/** Whether the home is vacant on a day, given the changes of its period. */
export function vacantOn(changes: readonly OccupancyChange[], day: LocalDate): boolean {
  let vacant = false;
  for (const change of changes) if (change.from <= day) vacant = change.vacant;
  return vacant;
}

/** The days of changes inside a period after its first day (segment boundaries). */
export function occupancyBreaks(changes: readonly OccupancyChange[]): LocalDate[] {
  return changes.slice(1).map((c) => c.from);
}
