import { z } from 'zod';
import { Id } from '../schemas/property';
import { contract } from './contract';

export interface AuditEntryView {
  auditId: string;
  at: number;
  actorName: string;
  roles: string[];
  /** `function.action` that made the change. */
  action: string;
  collection: string;
  docId: string | null;
  op: string;
  before: unknown;
  after: unknown;
  count?: number;
}

/** `audit`: who changed what and when, for admins. */
export const auditApi = {
  list: contract<{ entries: AuditEntryView[]; next?: string }>()({
    input: z
      .object({
        actorId: Id.optional(),
        collection: z.string().max(64).optional(),
        docId: Id.optional(),
        from: z.number().int().optional(),
        to: z.number().int().optional(),
        after: z.string().max(500).optional(),
        limit: z.number().int().min(1).max(100).default(50),
      })
      .strict(),
    access: { roles: ['admin'] },
    summary: '审计日志：谁在何时改了什么（管理员）',
  }),
};
