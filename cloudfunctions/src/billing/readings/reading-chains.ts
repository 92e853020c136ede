import {
  addPeriods,
  OUTLIER_HISTORY,
  OUTLIER_WINDOW_MONTHS,
  type MeterKind,
  type MeterReading,
  type Period,
  type ReadingChain,
} from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';

const FIELDS = ['householdId', 'meter', 'period', 'reading', 'replacement', 'status', 'consumption'];
type StoredReading = Pick<
  MeterReading,
  '_id' | 'householdId' | 'meter' | 'period' | 'reading' | 'replacement' | 'status' | 'consumption'
>;

/**
 * Every household's meter chain around one usage month, read in bulk for a sheet: readings from
 * OUTLIER_WINDOW_MONTHS before the month onwards in one query, and, for a meter with no earlier
 * reading in that window, its last older reading one by one. What single entry (record-reading)
 * reads household by household, so both judge a reading on the same facts.
 */
export class ReadingChains {
  private readonly byMeter = new Map<string, StoredReading[]>();
  private readonly older = new Map<string, StoredReading | null>();

  private constructor(
    private readonly period: Period,
    readings: StoredReading[],
  ) {
    for (const r of readings) {
      const key = chainKey(r.householdId, r.meter);
      this.byMeter.set(key, [...(this.byMeter.get(key) ?? []), r]);
    }
    for (const chain of this.byMeter.values()) chain.sort((a, b) => b.period.localeCompare(a.period));
  }

  static async load(db: Collections, estateId: string, period: Period): Promise<ReadingChains> {
    const readings = await findAll(
      db.meterReadings,
      { where: { estateId, period: { gte: addPeriods(period, -OUTLIER_WINDOW_MONTHS) } } },
      { fields: FIELDS },
    );
    return new ReadingChains(period, readings);
  }

  /** Look further back for the meters given whose window holds no earlier reading. */
  async fillOlder(
    db: Collections,
    meters: Iterable<{ householdId: string; meter: MeterKind }>,
  ): Promise<void> {
    for (const { householdId, meter } of meters) {
      const key = chainKey(householdId, meter);
      if (this.older.has(key) || this.earlier(key).length) continue;
      const page = await db.meterReadings.find(
        { where: { householdId, meter, period: { lt: this.period }, status: { ne: 'rejected' } } },
        { sort: [['period', 'desc']], limit: 1, fields: FIELDS },
      );
      this.older.set(key, page.items[0] ?? null);
    }
  }

  chain(householdId: string, meter: MeterKind): ReadingChain {
    const key = chainKey(householdId, meter);
    const all = this.byMeter.get(key) ?? [];
    const current = all.find((r) => r.period === this.period) ?? null;
    const later = all.filter((r) => r.period > this.period && r.status !== 'rejected');
    const previous = this.earlier(key)[0] ?? this.older.get(key) ?? null;
    return {
      current: current && {
        reading: current.reading,
        replacement: current.replacement,
        status: current.status,
      },
      laterPeriod: later[later.length - 1]?.period ?? null,
      previous: previous && { id: previous._id, reading: previous.reading, period: previous.period },
      history: this.earlier(key)
        .filter((r) => r.status === 'approved' && r.consumption !== null)
        .slice(0, OUTLIER_HISTORY)
        .map((r) => r.consumption!),
    };
  }

  /** Readings before the month in the window, not rejected, newest first. */
  private earlier(key: string): StoredReading[] {
    return (this.byMeter.get(key) ?? []).filter((r) => r.period < this.period && r.status !== 'rejected');
  }
}

const chainKey = (householdId: string, meter: MeterKind): string => `${householdId}/${meter}`;
