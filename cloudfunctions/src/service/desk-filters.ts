import type { ComplaintKind, ComplaintStatus } from '@linli/shared';
import type { Filter } from '../_lib/store/port';

export type InboxFilter = 'all' | 'mine' | 'unassigned' | 'unread';

/**
 * The inbox's filter; the 工作台 counts with the same one, so a tile and its list agree.
 * Conversations without a message yet are not in the inbox.
 */
export function inboxFilter(estateId: string, filter: InboxFilter, accountId: string): Filter {
  const where: Filter = { estateId, lastMessageAt: { gt: 0 } };
  if (filter === 'mine') where.assigneeId = accountId;
  if (filter === 'unassigned') where.assigneeId = null;
  if (filter === 'unread') where.unreadByStaff = { gt: 0 };
  return where;
}

/** The complaint list's filter, likewise shared with the 工作台. */
export function complaintFilter(
  estateId: string,
  query: { status?: ComplaintStatus; kind?: ComplaintKind },
): Filter {
  const where: Filter = { estateId };
  if (query.kind) where.kind = query.kind;
  if (query.status) where.status = query.status;
  return where;
}
