import { z } from 'zod';
import { DecimalString } from '../money/decimal';
import { LocalDate } from '../time/shanghai';
import { StaffRole } from './identity';

/** Ids are opaque strings; documents carry theirs in `_id` as CloudBase does. */
export const Id = z.string().min(1).max(64);

/** 小区 */
export const Estate = z.object({
  _id: Id,
  name: z.string().min(1).max(50),
  address: z.string().max(200),
  /** 3-2-1201 style codes are unique within an estate. */
  code: z.string().min(1).max(20),
});
export type Estate = z.infer<typeof Estate>;

/** 楼栋 */
export const Building = z.object({
  _id: Id,
  estateId: Id,
  /** '3' in room code 3-2-1201 */
  code: z.string().min(1).max(10),
  name: z.string().min(1).max(30),
  floors: z.number().int().min(1).max(200),
});
export type Building = z.infer<typeof Building>;

/** 单元 */
export const Unit = z.object({
  _id: Id,
  estateId: Id,
  buildingId: Id,
  code: z.string().min(1).max(10),
  name: z.string().min(1).max(30),
});
export type Unit = z.infer<typeof Unit>;

export const PropertyType = z.enum(['residential', 'shop', 'office', 'parking', 'storage']);
export type PropertyType = z.infer<typeof PropertyType>;
export const propertyTypeLabels: Record<PropertyType, string> = {
  residential: '住宅',
  shop: '商铺',
  office: '办公',
  parking: '车位',
  storage: '储藏室',
};

export const Occupancy = z.enum(['self', 'rented', 'vacant']);
export type Occupancy = z.infer<typeof Occupancy>;
export const occupancyLabels: Record<Occupancy, string> = { self: '自住', rented: '出租', vacant: '空置' };

/** A room (房屋) — the household that bills, bindings and repairs attach to. */
export const Household = z.object({
  _id: Id,
  estateId: Id,
  buildingId: Id,
  unitId: Id,
  floor: z.number().int(),
  /** e.g. '1201' */
  roomNo: z.string().min(1).max(10),
  /** building-unit-room, e.g. '3-2-1201'; unique in an estate */
  roomCode: z.string().min(1).max(30),
  buildingArea: DecimalString,
  innerArea: DecimalString,
  layout: z.string().max(20),
  propertyType: PropertyType,
  occupancy: Occupancy,
  handoverDate: LocalDate.nullable(),
});
export type Household = z.infer<typeof Household>;

export const Relation = z.enum(['owner', 'spouse', 'child', 'parent', 'relative', 'tenant', 'other']);
export type Relation = z.infer<typeof Relation>;
export const relationLabels: Record<Relation, string> = {
  owner: '业主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  relative: '亲属',
  tenant: '租户',
  other: '其他',
};

/** A resident; a person may belong to several households through memberships. */
export const Person = z.object({
  _id: Id,
  name: z.string().min(1).max(30),
  phone: z
    .string()
    .regex(/^1\d{10}$/, '手机号格式不正确')
    .nullable(),
  idNumber: z.string().max(18).nullable(),
});
export type Person = z.infer<typeof Person>;

/** A person's place in a household, with move-in / move-out history kept. */
export const Membership = z.object({
  _id: Id,
  estateId: Id,
  householdId: Id,
  personId: Id,
  relation: Relation,
  movedInOn: LocalDate.nullable(),
  movedOutOn: LocalDate.nullable(),
});
export type Membership = z.infer<typeof Membership>;

/** 车位 */
export const ParkingSpace = z.object({
  _id: Id,
  estateId: Id,
  code: z.string().min(1).max(20),
  kind: z.enum(['owned', 'rented', 'temporary']),
  householdId: Id.nullable(),
  plates: z.array(z.string().max(10)),
});
export type ParkingSpace = z.infer<typeof ParkingSpace>;

/** A WeChat account (one OPENID). Staff accounts carry roles scoped to estates. */
export const Account = z.object({
  _id: Id,
  openid: z.string().min(1),
  displayName: z.string().max(30),
  personId: Id.nullable(),
  staff: z
    .object({
      roles: z.array(StaffRole).min(1),
      estateIds: z.array(Id),
      skills: z.array(z.string()).default([]),
    })
    .nullable(),
  createdAt: z.number().int(),
});
export type Account = z.infer<typeof Account>;

/** An account's claim on a household; only `approved` grants access. */
export const Binding = z.object({
  _id: Id,
  accountId: Id,
  householdId: Id,
  estateId: Id,
  relation: Relation,
  status: z.enum(['pending', 'approved', 'rejected', 'revoked']),
  /** How the claim was proved: registered name + phone digits, a one-time invitation, or seeded. */
  method: z.enum(['phone-check', 'invitation', 'seed']),
  /** The registered person the claim matched, when known. */
  personId: Id.nullable(),
  createdAt: z.number().int(),
  decidedAt: z.number().int().nullable(),
  decidedBy: Id.nullable(),
  reason: z.string().nullable(),
});

export const bindingStatusLabels: Record<Binding['status'], string> = {
  pending: '待审核',
  approved: '已绑定',
  rejected: '已驳回',
  revoked: '已解绑',
};

/** A one-time code that binds its holder to a household (printed by staff, or sent by an owner). */
export const Invitation = z.object({
  _id: z.string(),
  estateId: Id,
  householdId: Id,
  relation: Relation,
  issuedBy: Id,
  createdAt: z.number().int(),
  expiresAt: z.number().int(),
  usedBy: Id.nullable(),
  usedAt: z.number().int().nullable(),
});
export type Invitation = z.infer<typeof Invitation>;
export type Binding = z.infer<typeof Binding>;

/** Masking for PIPL: 138****5678, 1101**********1234. */
export function maskPhone(phone: string | null): string | null {
  return phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null;
}

export function maskIdNumber(idNumber: string | null): string | null {
  return idNumber
    ? `${idNumber.slice(0, 4)}${'*'.repeat(Math.max(idNumber.length - 8, 0))}${idNumber.slice(-4)}`
    : null;
}
