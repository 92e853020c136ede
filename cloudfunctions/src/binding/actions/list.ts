import { AppError, type bindingApi, type BindingQueueItem } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';
import { toBindingView } from '../binding-view';

export const mine: Handler<typeof bindingApi.mine> = async (_input, ctx) => {
  const identity = identityOf(ctx);
  const bindings = await findAll(
    ctx.db.bindings,
    { where: { accountId: identity.accountId } },
    { sort: [['createdAt', 'desc']] },
  );
  return { bindings: await Promise.all(bindings.map((b) => toBindingView(ctx.db, b))) };
};

export const estates: Handler<typeof bindingApi.estates> = async (_input, ctx) => {
  const all = await findAll(ctx.db.estates, {}, { sort: [['name', 'asc']] });
  return { estates: all.map((e) => ({ estateId: e._id, name: e.name })) };
};

export const queue: Handler<typeof bindingApi.queue> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const estateId = input.estateId ?? identity.staffEstateIds[0];
  if (!estateId) throw new AppError('FORBIDDEN', '您还没有负责的小区');
  assertServesEstate(identity, estateId);
  const page = await ctx.db.bindings.find(
    { where: { estateId, status: input.status } },
    { sort: [['createdAt', 'asc']], limit: 50, after: input.after },
  );
  const items: BindingQueueItem[] = [];
  for (const binding of page.items) {
    const [view, applicant, owners] = await Promise.all([
      toBindingView(ctx.db, binding),
      ctx.db.accounts.get(binding.accountId),
      findAll(ctx.db.memberships, {
        where: { householdId: binding.householdId, relation: 'owner', movedOutOn: null },
      }),
    ]);
    const ownerNames = await Promise.all(
      owners.map(async (m) => (await ctx.db.persons.get(m.personId))?.name ?? ''),
    );
    items.push({
      ...view,
      applicantName: binding.personId
        ? ((await ctx.db.persons.get(binding.personId))?.name ?? '')
        : (applicant?.displayName ?? ''),
      method: binding.method === 'invitation' ? 'invitation' : 'phone-check',
      registeredOwners: ownerNames.filter(Boolean),
    });
  }
  return { items, ...(page.next ? { next: page.next } : {}) };
};
