import { paymentApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { createOrder, topUp } from './actions/create-order';
import { cancelOffline, recordOffline } from './actions/offline-payments';
import { getOrder, listAlerts, listOrders, orderStatus } from './actions/read-orders';
import { reconcile } from './actions/reconcile';
import { refundOrder } from './actions/refund-order';
import { handlePaymentNotify } from './notify/handle-notify';

/** `payment`: WeChat Pay orders, notifications (HTTP access), refunds, offline payments, reconciliation. */
export const payment = defineFunction(
  'payment',
  paymentApi,
  {
    create: createOrder,
    topUp,
    status: orderStatus,
    list: listOrders,
    get: getOrder,
    refund: refundOrder,
    recordOffline,
    cancelOffline,
    reconcile,
    alerts: listAlerts,
  },
  { http: handlePaymentNotify },
);
