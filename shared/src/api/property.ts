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

/** Owner-facing and overview actions of `property`. */
const propertyCoreApi = {
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

export interface TreeView {
  estateId: string;
  estateName: string;
  buildings: Array<{
    buildingId: string;
    code: string;
    name: string;
    floors: number;
    units: Array<{ unitId: string; code: string; name: string; households: number }>;
  }>;
}

export interface RoomCell {
  householdId: string;
  roomNo: string;
  roomCode: string;
  floor: number;
  occupancy: string;
  ownerName: string | null;
  bound: boolean;
}

export interface SearchHit {
  householdId: string;
  roomCode: string;
  estateName: string;
  ownerNames: string[];
  /** Masked unless the caller's role may see phone numbers. */
  phones: string[];
  plates: string[];
  matchedBy: 'room' | 'name' | 'phone' | 'tail' | 'plate';
}

export interface HouseholdDetail extends Omit<HomeView, 'members'> {
  estateId: string;
  members: Array<FamilyMemberView & { movedInOn: string | null; membershipId: string; hasIdNumber: boolean }>;
  formerMembers: Array<{
    name: string;
    relationLabel: string;
    movedInOn: string | null;
    movedOutOn: string | null;
  }>;
  bindings: Array<{ bindingId: string; accountName: string; relationLabel: string; status: string }>;
  /** Whether the caller may reveal full contact details (every reveal is audited). */
  canReveal: boolean;
}

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Every bad row with its reasons; when any exist nothing was written. */
  errors: Array<{ row: number; roomCode: string | null; reasons: string[] }>;
}

const staffRoles = ['admin', 'finance', 'service', 'technician'] as const;
const contactRoles = ['admin', 'service', 'finance'] as const;
const SheetFormat = z.enum(['csv', 'xlsx']);

export const propertyStaffApi = {
  tree: contract<TreeView>()({
    input: z.object({ estateId: Id.optional() }).strict(),
    access: { roles: staffRoles },
    summary: '员工按 小区→楼栋→单元 浏览房屋结构',
  }),
  unitRooms: contract<{ unitId: string; floors: Array<{ floor: number; rooms: RoomCell[] }> }>()({
    input: z.object({ unitId: Id }).strict(),
    access: { roles: staffRoles },
    summary: '员工查看一个单元各楼层的房间',
  }),
  search: contract<{ hits: SearchHit[] }>()({
    input: z
      .object({
        estateId: Id.optional(),
        query: z.string().trim().min(1).max(30),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    access: { roles: staffRoles },
    summary: '按房号、姓名、手机号或车牌查找住户',
  }),
  household: contract<HouseholdDetail>()({
    input: z.object({ householdId: Id }).strict(),
    access: { roles: staffRoles },
    summary: '员工查看一户的详情',
  }),
  revealContact: contract<{ phone: string | null; idNumber: string | null }>()({
    input: z.object({ householdId: Id, personId: Id }).strict(),
    access: { roles: contactRoles },
    summary: '查看完整联系方式（记录审计）',
  }),
  importSheet: contract<ImportReport>()({
    input: z
      .object({
        estateId: Id,
        format: SheetFormat,
        /** CSV text, or an .xlsx file in base64. */
        content: z.string().min(1).max(30_000_000),
        dryRun: z.boolean().default(false),
      })
      .strict(),
    access: { roles: ['admin'] },
    summary: '批量导入楼栋、房屋、业主与车位（全部成功或全部不导入）',
  }),
  exportSheet: contract<{ filename: string; format: 'csv' | 'xlsx'; content: string }>()({
    input: z.object({ estateId: Id, format: SheetFormat }).strict(),
    access: { roles: ['admin', 'finance'] },
    summary: '按导入模板导出房屋与业主',
  }),
  importTemplate: contract<{ filename: string; format: 'csv' | 'xlsx'; content: string }>()({
    input: z.object({ format: SheetFormat }).strict(),
    access: { roles: ['admin'] },
    summary: '下载导入模板',
  }),
};

/** `property`: estates, buildings, units, households and the people in them. */
export const propertyApi = { ...propertyCoreApi, ...propertyStaffApi };
