import { z } from 'zod';
import type { Role } from '../schemas/identity';
import { contract } from './contract';

export interface BoundHousehold {
  householdId: string;
  estateId: string;
  estateName: string;
  roomCode: string;
  relation: string;
}

export interface MeView {
  accountId: string;
  displayName: string;
  roles: Role[];
  isStaff: boolean;
  staffEstateIds: string[];
  /** The estates a staff account serves, with names for pickers. */
  staffEstates: Array<{ estateId: string; name: string }>;
  households: BoundHousehold[];
}

/** `account`: who the caller is and what they are bound to. */
export const accountApi = {
  me: contract<MeView>()({
    input: z.object({}).strict(),
    access: 'signed-in',
    summary: '当前账号、角色与已绑定的房屋',
  }),
};
