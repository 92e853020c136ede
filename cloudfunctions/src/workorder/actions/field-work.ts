import { AppError, isPoolState, type workorderApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { technicianOf } from '../access';
import { recordFix } from '../knowledge';
import { notifyOwner } from '../notify';
import { performVerb } from '../perform';
import { routeOrder } from '../route-order';
import { toDetail } from '../views';

type Api = typeof workorderApi;

/**
 * 抢单: the first technician to take a waiting order wins; every other grab of it fails with
 * CONFLICT (one compare-and-set on the order's version decides).
 */
export const grab: Handler<Api['grab']> = async (input, ctx) => {
  const me = await technicianOf(ctx);
  const at = ctx.now();
  const { after, viewer } = await performVerb(ctx, input.orderId, 'grab', ['technician'], {
    guard: (fresh) => {
      if (!isPoolState(fresh.state)) throw new AppError('CONFLICT', '手慢了，该工单已被其他师傅接走');
      if (!me.skills.includes(fresh.requiredSkill))
        throw new AppError('FORBIDDEN', '您没有处理此类工单的技能');
      if (fresh.rejectedBy.includes(me._id))
        throw new AppError('PRECONDITION_FAILED', '您已退过此单，请等待客服重新派单');
    },
    assignee: { staffId: me._id, accountId: me.accountId, name: me.name },
    dispatch: { mode: 'grab', at, byName: me.name, summary: `${me.name}从抢单池接单`, reasons: [] },
  });
  ctx.log.log('info', 'workorder.grabbed', { orderId: after._id, by: me._id });
  await notifyOwner(ctx, after, 'assigned');
  return toDetail(ctx, after, viewer);
};

export const accept: Handler<Api['accept']> = async (input, ctx) => {
  const { after, viewer } = await performVerb(ctx, input.orderId, 'accept', ['technician']);
  return toDetail(ctx, after, viewer, { suggestions: true });
};

/** 退单: back to dispatch (never to this technician again) or to the pool. */
export const reject: Handler<Api['reject']> = async (input, ctx) => {
  const { after, viewer } = await performVerb(ctx, input.orderId, 'reject', ['technician'], {
    note: input.reason,
  });
  return toDetail(ctx, await routeOrder(ctx, after), viewer);
};

/** 出发: the household hears the technician is on the way. */
export const depart: Handler<Api['depart']> = async (input, ctx) => {
  const { after, viewer } = await performVerb(ctx, input.orderId, 'depart', ['technician']);
  await notifyOwner(ctx, after, 'en_route');
  return toDetail(ctx, after, viewer);
};

/** 到达并开始维修: a household already told of the departure is not messaged again (quota). */
export const start: Handler<Api['start']> = async (input, ctx) => {
  const { before, after, viewer } = await performVerb(ctx, input.orderId, 'start', ['technician']);
  if (before.state !== 'en_route') await notifyOwner(ctx, after, 'arrived');
  return toDetail(ctx, after, viewer);
};

/** 暂停（等配件）: the completion clock stops until work resumes. */
export const pause: Handler<Api['pause']> = async (input, ctx) => {
  const { after, viewer } = await performVerb(ctx, input.orderId, 'pause', ['technician'], {
    note: input.reason,
  });
  return toDetail(ctx, after, viewer);
};

export const resume: Handler<Api['resume']> = async (input, ctx) => {
  const { after, viewer } = await performVerb(ctx, input.orderId, 'resume', ['technician']);
  return toDetail(ctx, after, viewer);
};

/** 完工: cause, actions and parts go on the order and into the knowledge base; the owner is asked to accept. */
export const complete: Handler<Api['complete']> = async (input, ctx) => {
  const me = await technicianOf(ctx);
  const { after, viewer } = await performVerb(ctx, input.orderId, 'complete', ['technician'], {
    completion: {
      cause: input.cause,
      actionsTaken: input.actionsTaken,
      parts: input.parts,
      photos: input.photos,
      at: ctx.now(),
      technicianId: me._id,
      technicianName: me.name,
    },
  });
  await recordFix(ctx, after);
  await notifyOwner(ctx, after, 'completed');
  return toDetail(ctx, after, viewer);
};
