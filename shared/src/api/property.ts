import { z } from 'zod';
import { Id } from '../schemas/property';
import { contract } from './contract';

export interface FamilyMemberView {
  personId: string;
  name: string;
  relation: string;
  relationLabel: string;
  /** Always masked for owners (138****5678). */
  phone: string | null;
  isSelf: boolean;
}

export interface HomeView {
  householdId: string;
  estateName: string;
  buildingName: string;
  unitName: string;
  floor: number;
  roomNo: string;
  roomCode: string;
  buildingArea: string;
  innerArea: string;
  layout: string;
  propertyTypeLabel: string;
  occupancyLabel: string;
  handoverDate: string | null;
  members: FamilyMemberView[];
  parkingSpaces: Array<{ code: string; plates: string[] }>;
}

export interface EstateOverview {
  estateId: string;
  estateName: string;
  address: string;
  buildings: Array<{ buildingId: string; name: string; units: number; households: number }>;
  totals: {
    buildings: number;
    units: number;
    households: number;
    residents: number;
    boundHouseholds: number;
    parkingSpaces: number;
    staff: number;
  };
  /** Building area in m², exact decimal. */
  totalBuildingArea: string;
}

/** `property`: estates, buildings, units, households and the people in them. */
export const propertyApi = {
  myHome: contract<HomeView>()({
    input: z.object({ householdId: Id.optional() }).strict(),
    access: { roles: ['owner'] },
    summary: '业主查看自己的房屋与家庭成员',
  }),
  estateOverview: contract<EstateOverview>()({
    input: z.object({ estateId: Id.optional() }).strict(),
    access: { roles: ['admin', 'finance', 'service', 'technician'] },
    summary: '员工查看小区概况',
  }),
};
