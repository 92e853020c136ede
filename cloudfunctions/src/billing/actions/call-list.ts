import {
  AppError,
  dunningStepLabel,
  maskPhone,
  toLocalDate,
  type billingApi,
  type CallListItem,
  type DunningCall,
} from '@linli/shared';
import { findAll, type Collections } from '../../_lib/collections';
import { recordReveal } from '../../_lib/audit';
import { identityOf, type Handler } from '../../_lib/define-function';
import { actorOf, servedEstateId } from '../access';
import { yuanCell } from '../stats/export-table';
import { sheetExport } from './export-stats';

async function ownersOf(
  db: Collections,
  householdIds: string[],
): Promise<Map<string, CallListItem['owners']>> {
  const owners = new Map<string, CallListItem['owners']>();
  if (!householdIds.length) return owners;
  const memberships = await findAll(db.memberships, {
    where: { householdId: { in: householdIds }, relation: 'owner', movedOutOn: null },
  });
  const persons = new Map(
    (await findAll(db.persons, { where: { _id: { in: memberships.map((m) => m.personId) } } })).map((p) => [
      p._id,
      p,
    ]),
  );
  for (const m of memberships) {
    const person = persons.get(m.personId);
    if (!person) continue;
    owners.set(m.householdId, [
      ...(owners.get(m.householdId) ?? []),
      { personId: person._id, name: person.name, phone: maskPhone(person.phone) },
    ]);
  }
  return owners;
}

function toItem(call: DunningCall, owners: CallListItem['owners']): CallListItem {
  return {
    callId: call._id,
    householdId: call.householdId,
    roomCode: call.roomCode,
    billIds: call.billIds,
    stepLabel: dunningStepLabel(call.offsetDays),
    dueDate: call.dueDate,
    scheduledOn: call.scheduledOn,
    outstandingFen: call.outstandingFen,
    owners,
    status: call.status,
    outcome: call.outcome,
    calledByName: call.calledByName,
  };
}

/** 电话催缴清单: households due a reminder that no subscription message can reach. */
export const callList: Handler<(typeof billingApi)['dunning.callList']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const page = await ctx.db.dunningCalls.find(
    { where: { estateId, status: input.status } },
    { sort: [['createdAt', 'desc']], limit: 50, after: input.after },
  );
  const owners = await ownersOf(ctx.db, [...new Set(page.items.map((c) => c.householdId))]);
  return {
    items: page.items.map((call) => toItem(call, owners.get(call.householdId) ?? [])),
    ...(page.next ? { next: page.next } : {}),
  };
};

/** The call list for finance or an outside call team; phones stay masked (reveal one by one, audited). */
export const exportCalls: Handler<(typeof billingApi)['dunning.exportCalls']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const calls = await findAll(
    ctx.db.dunningCalls,
    { where: { estateId, status: input.status } },
    {
      sort: [['createdAt', 'desc']],
    },
  );
  const owners = await ownersOf(ctx.db, [...new Set(calls.map((c) => c.householdId))]);
  const yuan = yuanCell(input.format);
  const fields = [
    '房号',
    '提醒',
    '到期日',
    '列入日期',
    '欠费(元)',
    '账单数',
    '业主',
    '手机（隐去中间四位）',
    '状态',
    '联系结果',
    '联系人',
  ];
  const rows = calls.map((call) => {
    const item = toItem(call, owners.get(call.householdId) ?? []);
    return [
      item.roomCode,
      item.stepLabel,
      item.dueDate,
      item.scheduledOn,
      yuan(item.outstandingFen),
      item.billIds.length,
      item.owners.map((o) => o.name).join('、'),
      item.owners.map((o) => o.phone ?? '').join('、'),
      item.status === 'open' ? '待联系' : '已联系',
      item.outcome ?? '',
      item.calledByName ?? '',
    ];
  });
  return sheetExport(ctx, estateId, `电话催缴-${toLocalDate(ctx.now())}`, input.format, fields, rows);
};

/**
 * The full phone of an owner on a call to make. Only the registered owners of the call's
 * household, for staff of its estate; every reveal is written to the audit log.
 */
export const revealPhone: Handler<(typeof billingApi)['dunning.revealPhone']> = async (input, ctx) => {
  const call = await ctx.db.dunningCalls.get(input.callId);
  if (!call) throw new AppError('NOT_FOUND', '催缴记录不存在');
  servedEstateId(ctx, call.estateId);
  const owner = (
    await ctx.db.memberships.find(
      {
        where: {
          householdId: call.householdId,
          personId: input.personId,
          relation: 'owner',
          movedOutOn: null,
        },
      },
      { limit: 1 },
    )
  ).items[0];
  const person = owner ? await ctx.db.persons.get(input.personId) : null;
  if (!person) throw new AppError('NOT_FOUND', '该业主不属于此房屋');
  const identity = identityOf(ctx);
  await recordReveal(
    ctx.store,
    { ...identity, action: 'billing.dunning.revealPhone', requestId: ctx.requestId },
    ctx.now(),
    person._id,
    { fields: ['phone'], householdId: call.householdId, callId: call._id },
  );
  return { phone: person.phone };
};

export const markCalled: Handler<(typeof billingApi)['dunning.markCalled']> = async (input, ctx) => {
  const call = await ctx.db.dunningCalls.get(input.callId);
  if (!call) throw new AppError('NOT_FOUND', '催缴记录不存在');
  servedEstateId(ctx, call.estateId);
  const actor = actorOf(ctx);
  const done = {
    status: 'done' as const,
    outcome: input.outcome,
    calledBy: actor.id,
    calledByName: actor.name,
    calledAt: ctx.now(),
  };
  if (!(await ctx.db.dunningCalls.update(call._id, { set: done }, { status: 'open' })))
    throw new AppError('DUPLICATE', '该电话催缴已记录结果');
  const owners = await ownersOf(ctx.db, [call.householdId]);
  return toItem({ ...call, ...done }, owners.get(call.householdId) ?? []);
};
