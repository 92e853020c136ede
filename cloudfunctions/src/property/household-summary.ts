import { occupancyLabels, propertyTypeLabels, type Household, type HomeView } from '@linli/shared';
import type { Collections } from '../_lib/collections';

export type HouseholdSummary = Omit<HomeView, 'members' | 'parkingSpaces'>;

/** The facts of a home that owners and staff both see: where it is and what it is. */
export async function householdSummary(db: Collections, household: Household): Promise<HouseholdSummary> {
  const [estate, building, unit] = await Promise.all([
    db.estates.get(household.estateId),
    db.buildings.get(household.buildingId),
    db.units.get(household.unitId),
  ]);
  return {
    householdId: household._id,
    estateName: estate?.name ?? '',
    buildingName: building?.name ?? '',
    unitName: unit?.name ?? '',
    floor: household.floor,
    roomNo: household.roomNo,
    roomCode: household.roomCode,
    buildingArea: household.buildingArea,
    innerArea: household.innerArea,
    layout: household.layout,
    propertyTypeLabel: propertyTypeLabels[household.propertyType],
    occupancyLabel: occupancyLabels[household.occupancy],
    handoverDate: household.handoverDate,
  };
}
