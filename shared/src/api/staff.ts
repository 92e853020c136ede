import { z } from 'zod';
import { StaffRole } from '../schemas/identity';
import { Id } from '../schemas/property';
import { Shift, Skill } from '../schemas/staff';
import { contract } from './contract';

export interface StaffView {
  staffId: string;
  name: string;
  /** Masked: 138****5678. */
  phone: string;
  roles: string[];
  roleLabels: string[];
  estateIds: string[];
  skills: string[];
  skillLabels: string[];
  level: number;
  shifts: Array<{ weekday: number; start: string; end: string }>;
  /** joined: a WeChat account is linked; invited: waiting for the person to join with the code. */
  status: 'joined' | 'invited' | 'inactive';
  inviteCode: string | null;
  /** The member is the signed-in account: the page hides actions one must not take on oneself. */
  isSelf: boolean;
}

/** `staff`: staff accounts, their roles per estate, skills and shifts (used by dispatch). */
export const staffApi = {
  list: contract<{ staff: StaffView[] }>()({
    input: z.object({ estateId: Id.optional() }).strict(),
    access: { roles: ['admin', 'service'] },
    summary: '员工列表',
  }),
  save: contract<StaffView>()({
    input: z
      .object({
        staffId: Id.optional(),
        name: z.string().trim().min(1).max(30),
        /** Required for a new member; omitted on edit keeps the stored number (the view only shows it masked). */
        phone: z
          .string()
          .regex(/^1\d{10}$/, '手机号格式不正确')
          .optional(),
        roles: z.array(StaffRole).min(1, '至少选择一个岗位'),
        estateIds: z.array(Id).min(1, '至少选择一个小区'),
        skills: z.array(Skill).default([]),
        level: z.number().int().min(1).max(5).default(3),
        shifts: z.array(Shift).max(21).default([]),
      })
      .strict(),
    access: { roles: ['admin'] },
    summary: '新增或修改员工（新员工得到加入码）',
  }),
  join: contract<StaffView>()({
    input: z
      .object({
        code: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z0-9]{8}$/, '加入码为 8 位字母或数字'),
      })
      .strict(),
    access: 'signed-in',
    summary: '员工用加入码把自己的微信关联到员工账号',
  }),
  deactivate: contract<StaffView>()({
    input: z.object({ staffId: Id }).strict(),
    access: { roles: ['admin'] },
    summary: '停用员工（保留历史）',
  }),
};
