import {
  addPeriods,
  type Household,
  type MeterReading,
  type ParkingSpace,
  type Period,
  type PrepayAccount,
} from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';
import { groupByHousehold } from '../group-by-household';

/** Everything planning a chunk of households needs, read with one query per collection. */
export interface Chunk {
  households: Household[];
  /** The last household of the chunk: the run's cursor once the chunk is done. */
  last: string | null;
  /** No household follows this chunk. */
  end: boolean;
  residents: Map<string, Array<{ movedInOn: string | null; movedOutOn: string | null }>>;
  spaces: Map<string, ParkingSpace[]>;
  readings: Map<string, MeterReading[]>;
  existingBillIds: Set<string>;
  prepayAccounts: Map<string, PrepayAccount>;
}

/**
 * The next `size` households of an estate after `after`, in id order, and their residents,
 * parking spaces, readings of the usage month, already issued bills and prepayment accounts.
 * Related rows are read by household id range (after, last], so no query carries a long list.
 */
export async function loadChunk(
  db: Collections,
  estateId: string,
  period: Period,
  after: string | null,
  size: number,
): Promise<Chunk> {
  const page = await db.households.find(
    { where: { estateId, _id: { gt: after ?? '' } } },
    { sort: [['_id', 'asc']], limit: size },
  );
  const households = page.items;
  const last = households[households.length - 1]?._id ?? null;
  const empty: Chunk = {
    households,
    last,
    end: !page.next,
    residents: new Map(),
    spaces: new Map(),
    readings: new Map(),
    existingBillIds: new Set(),
    prepayAccounts: new Map(),
  };
  if (!last) return empty;
  const range = { gt: after ?? '', lte: last };
  const [memberships, spaces, readings, bills, accounts] = await Promise.all([
    findAll(
      db.memberships,
      { where: { estateId, householdId: range } },
      { fields: ['householdId', 'movedInOn', 'movedOutOn'] },
    ),
    findAll(db.parkingSpaces, { where: { estateId, householdId: range } }),
    findAll(db.meterReadings, { where: { estateId, period: addPeriods(period, -1), householdId: range } }),
    findAll(db.bills, { where: { estateId, period, householdId: range } }, { fields: ['_id'] }),
    findAll(db.prepayAccounts, { where: { estateId, householdId: range } }),
  ]);
  return {
    ...empty,
    residents: groupByHousehold(memberships),
    spaces: groupByHousehold(spaces),
    readings: groupByHousehold(readings),
    existingBillIds: new Set(bills.map((b) => b._id)),
    prepayAccounts: new Map(accounts.map((a) => [a.householdId, a])),
  };
}
