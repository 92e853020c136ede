import type { paymentApi } from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { actorOf } from '../../billing/access';
import { paymentConfig } from '../config';
import { runReconcile } from '../reconcile-day';

export const reconcile: Handler<(typeof paymentApi)['reconcile']> = async (input, ctx) =>
  runReconcile(ctx.store, paymentConfig(), input.billDate, actorOf(ctx), ctx.now());
