import type { auditApi } from '@linli/shared';
import { AUDIT_COLLECTION, type AuditEntry } from '../../_lib/audit';
import { identityOf, type Handler } from '../../_lib/define-function';
import type { Filter } from '../../_lib/store/port';

/**
 * Newest first, filtered on the indexed fields. Entries are not tagged by estate, so an admin
 * sees the company's trail; admins are the company's own managers.
 */
export const listEntries: Handler<typeof auditApi.list> = async (input, ctx) => {
  identityOf(ctx);
  const where: Filter = {};
  if (input.actorId) where.actorId = input.actorId;
  if (input.collection) where.collection = input.collection;
  if (input.docId) where.docId = input.docId;
  if (input.from !== undefined || input.to !== undefined) {
    where.at = {
      ...(input.from !== undefined ? { gte: input.from } : {}),
      ...(input.to !== undefined ? { lt: input.to } : {}),
    };
  }
  const page = await ctx.store
    .collection<AuditEntry>(AUDIT_COLLECTION)
    .find({ where }, { sort: [['at', 'desc']], limit: input.limit, after: input.after });
  return {
    entries: page.items.map((e) => ({
      auditId: e._id,
      at: e.at,
      actorName: e.actorName,
      roles: e.roles,
      action: e.action,
      collection: e.collection,
      docId: e.docId,
      op: e.op,
      before: e.before,
      after: e.after,
      ...(e.count !== undefined ? { count: e.count } : {}),
    })),
    ...(page.next ? { next: page.next } : {}),
  };
};
