import type { workorderApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { viewerOf } from '../access';
import { loadOrder } from '../commit';
import { toDetail } from '../views';

/** One order as the caller may see it; technicians and the desk also get similar past fixes. */
export const detail: Handler<(typeof workorderApi)['detail']> = async (input, ctx) => {
  const order = await loadOrder(ctx, input.orderId);
  const viewer = await viewerOf(ctx, order);
  return toDetail(ctx, order, viewer, { suggestions: true });
};
