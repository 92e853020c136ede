import { z } from 'zod';
import { Id, Relation } from '../schemas/property';
import { contract } from './contract';

export interface BindingView {
  bindingId: string;
  householdId: string;
  estateName: string;
  roomCode: string;
  relation: string;
  relationLabel: string;
  status: 'pending' | 'approved' | 'rejected' | 'revoked';
  statusLabel: string;
  createdAt: number;
  decidedAt: number | null;
  reason: string | null;
}

export interface BindingQueueItem extends BindingView {
  applicantName: string;
  /** How the applicant proved the claim. */
  method: 'phone-check' | 'invitation';
  /** The registered owner names of the household, for the reviewer to compare. */
  registeredOwners: string[];
}

export interface InvitationView {
  code: string;
  householdId: string;
  roomCode: string;
  relation: string;
  expiresAt: number;
}

const staffBindingRoles = ['admin', 'service'] as const;

/** `binding`: an account claims a household; staff decide; owners invite family. */
export const bindingApi = {
  claim: contract<BindingView>()({
    input: z.union([
      z
        .object({
          estateId: Id,
          roomCode: z.string().min(3).max(30),
          name: z.string().min(1).max(30),
          phoneLast4: z.string().regex(/^\d{4}$/, '请输入手机号后 4 位'),
          relation: Relation.default('owner'),
        })
        .strict(),
      z
        .object({
          invitationCode: z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位字母或数字'),
        })
        .strict(),
    ]),
    access: 'signed-in',
    summary: '用房号加姓名与手机后四位，或用邀请码，申请绑定房屋',
  }),
  mine: contract<{ bindings: BindingView[] }>()({
    input: z.object({}).strict(),
    access: 'signed-in',
    summary: '我的绑定申请与已绑定房屋',
  }),
  estates: contract<{ estates: Array<{ estateId: string; name: string }> }>()({
    input: z.object({}).strict(),
    access: 'signed-in',
    summary: '可申请绑定的小区列表',
  }),
  queue: contract<{ items: BindingQueueItem[]; next?: string }>()({
    input: z
      .object({
        estateId: Id.optional(),
        status: z.enum(['pending', 'approved', 'rejected', 'revoked']).default('pending'),
        after: z.string().max(500).optional(),
      })
      .strict(),
    access: { roles: staffBindingRoles },
    summary: '员工查看绑定申请队列',
  }),
  decide: contract<BindingView>()({
    input: z
      .object({
        bindingId: Id,
        decision: z.enum(['approve', 'reject']),
        reason: z.string().max(100).optional(),
      })
      .strict(),
    access: { roles: staffBindingRoles },
    summary: '员工通过或驳回绑定申请',
  }),
  inviteFamily: contract<InvitationView>()({
    input: z.object({ householdId: Id, relation: Relation.exclude(['owner']) }).strict(),
    access: { roles: ['owner'] },
    summary: '业主生成家庭成员邀请码',
  }),
  issueInvitations: contract<{ invitations: InvitationView[] }>()({
    input: z.object({ householdIds: z.array(Id).min(1).max(200) }).strict(),
    access: { roles: staffBindingRoles },
    summary: '员工为房屋生成业主邀请码（可打印）',
  }),
  unbind: contract<BindingView>()({
    input: z.object({ bindingId: Id, reason: z.string().max(100).optional() }).strict(),
    access: 'signed-in',
    summary: '解除绑定（本人或员工），保留历史',
  }),
};
