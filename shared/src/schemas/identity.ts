import { z } from 'zod';

/** Staff roles, each scoped to the estates the account serves. */
export const StaffRole = z.enum(['admin', 'finance', 'service', 'technician']);
export type StaffRole = z.infer<typeof StaffRole>;

/** Every role an action can allow. `owner` means an account with an approved household binding. */
export const Role = z.enum(['owner', ...StaffRole.options]);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  owner: '业主',
  admin: '管理员',
  finance: '财务',
  service: '客服',
  technician: '维修师傅',
};

/**
 * Who is calling, resolved once at the entry of every action from the platform's identity
 * (OPENID in the cloud, the dev session locally). Never taken from the request payload.
 */
export interface Identity {
  openid: string;
  accountId: string;
  displayName: string;
  roles: Role[];
  /** Estates a staff account serves; empty for owners. */
  staffEstateIds: string[];
  /** Households with an approved binding; empty for staff-only accounts. */
  householdIds: string[];
}

export const isStaff = (identity: Pick<Identity, 'roles'>): boolean =>
  identity.roles.some((role) => role !== 'owner');
