import {
  AppError,
  ComplaintStatus,
  complaintKindLabels,
  complaintStatusLabels,
  handleComplaint as planHandling,
  isAppError,
  type serviceApi,
} from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { complaintFilter } from '../desk-filters';
import { complaintId, serviceCollections, type ComplaintDoc } from '../documents';
import { notifyOwner, SERVICE_PAGE } from '../notify-owner';
import { assertServesDesk } from '../participant';
import { toComplaintView } from '../views';

const PAGE = 30;

/** File a complaint or suggestion; the request id makes a double tap file it once. */
export const submitComplaint: Handler<typeof serviceApi.submitComplaint> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const household = identity.householdIds.includes(input.householdId)
    ? await ctx.db.households.get(input.householdId)
    : null;
  if (!household) throw new AppError('FORBIDDEN', '只能为您已绑定的房屋提交投诉建议');
  const { complaints } = serviceCollections(ctx.store);
  const id = complaintId(identity.accountId, input.requestId);
  const now = ctx.now();
  const complaint: ComplaintDoc = {
    _id: id,
    estateId: household.estateId,
    householdId: household._id,
    roomCode: household.roomCode,
    accountId: identity.accountId,
    ownerName: identity.displayName,
    kind: input.kind,
    content: input.content,
    images: input.images,
    status: 'submitted',
    events: [],
    handlerId: null,
    handlerName: null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await complaints.insert(complaint);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
    const earlier = await complaints.get(id);
    if (!earlier) throw error;
    return toComplaintView(earlier);
  }
  return toComplaintView(complaint);
};

export const myComplaints: Handler<typeof serviceApi.myComplaints> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const page = await serviceCollections(ctx.store).complaints.find(
    { where: { accountId: identity.accountId } },
    { sort: [['createdAt', 'desc']], limit: PAGE, after: input.after },
  );
  return {
    // A home no longer bound takes its complaints with it.
    items: page.items.filter((c) => identity.householdIds.includes(c.householdId)).map(toComplaintView),
    next: page.next,
  };
};

export const listComplaints: Handler<typeof serviceApi.complaints> = async (input, ctx) => {
  assertServesDesk(identityOf(ctx), input.estateId);
  const { complaints } = serviceCollections(ctx.store);
  const filter = (status?: ComplaintStatus) => complaintFilter(input.estateId, { kind: input.kind, status });
  const page = await complaints.find(
    { where: filter(input.status) },
    { sort: [['createdAt', 'desc']], limit: PAGE, after: input.after },
  );
  const counts = Object.fromEntries(
    await Promise.all(
      ComplaintStatus.options.map(
        async (status) => [status, await complaints.count({ where: filter(status) })] as const,
      ),
    ),
  ) as Record<ComplaintStatus, number>;
  return { items: page.items.map(toComplaintView), next: page.next, counts };
};

/** Accept, resolve or close, and/or reply; the owner is told when there is a reply or a new status. */
export const handleComplaint: Handler<typeof serviceApi.handleComplaint> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const { complaints } = serviceCollections(ctx.store);
  const complaint = await complaints.get(input.complaintId);
  if (!complaint || !identity.staffEstateIds.includes(complaint.estateId))
    throw new AppError('NOT_FOUND', '投诉建议不存在');
  assertServesDesk(identity, complaint.estateId);
  const now = ctx.now();
  const changes = {
    ...planHandling(complaint, input, { name: identity.displayName }, now),
    handlerId: identity.accountId,
    handlerName: identity.displayName,
  };
  // Compare-and-set on what was read: a colleague handling it at the same moment wins once.
  const applied = await complaints.update(
    complaint._id,
    { set: changes },
    {
      status: complaint.status,
      updatedAt: complaint.updatedAt,
    },
  );
  if (!applied) throw new AppError('CONFLICT', '该事项刚被其他同事处理，请刷新后查看');
  const updated = { ...complaint, ...changes };
  await notifyOwner(ctx, {
    eventKey: `${complaint._id}.${updated.events.length}`,
    toAccountId: complaint.accountId,
    estateId: complaint.estateId,
    householdId: complaint.householdId,
    fields: {
      topic: `${complaintKindLabels[complaint.kind]}：${complaint.content}`,
      reply:
        input.reply ?? `您的${complaintKindLabels[complaint.kind]}${complaintStatusLabels[updated.status]}`,
      replier: `${identity.displayName}（物业客服）`,
      at: now,
    },
    page: SERVICE_PAGE,
  });
  return toComplaintView(updated);
};
