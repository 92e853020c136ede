import { AppError, readRate, type NoticeListItem, type noticeApi } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { identityOf, type Handler } from '../../_lib/define-function';
import { noticeCollections } from '../documents';
import { householdReads } from '../household-reads';
import { loadStaffNotice, toStaffView } from '../views';

export const listNotices: Handler<typeof noticeApi.list> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const estateId = input.estateId ?? identity.staffEstateIds[0];
  if (!estateId) throw new AppError('FORBIDDEN', '您还没有负责的小区');
  assertServesEstate(identity, estateId);
  const { notices } = noticeCollections(ctx.store);
  const page = await notices.find(
    { where: { estateId, ...(input.status ? { status: input.status } : {}) } },
    { sort: [['createdAt', 'desc']], limit: 20, after: input.after },
  );
  const items: NoticeListItem[] = await Promise.all(
    page.items.map(async (notice) => {
      const { body: _body, ...view } = await toStaffView(ctx.db, notice);
      const reads = await householdReads(ctx.store, notice);
      return { ...view, readRate: reads ? readRate(reads.read, reads.total) : null };
    }),
  );
  return { items, ...(page.next ? { next: page.next } : {}) };
};

export const noticeDetail: Handler<typeof noticeApi.detail> = async (input, ctx) =>
  toStaffView(ctx.db, await loadStaffNotice(ctx, input.noticeId));
