import { accountApi } from './account';
import { analyticsApi } from './analytics';
import { auditApi } from './audit';
import { billingApi } from './billing';
import { dashboardApi } from './dashboard';
import { bindingApi } from './binding';
import { facilitiesApi } from './facilities';
import { messageApi } from './message';
import { noticeApi } from './notice';
import { paymentApi } from './payment';
import { propertyApi } from './property';
import { schedulerApi } from './scheduler';
import { serviceApi } from './service';
import { staffApi } from './staff';
import { surveyApi } from './survey';
import { workorderApi } from './workorder';
import { iotApi } from './iot';

export * from './contract';
export * from './account';
export * from './analytics';
export * from './audit';
export * from './billing';
export * from './dashboard';
export * from './binding';
export * from './facilities';
export * from './message';
export * from './notice';
export * from './payment';
export * from './property';
export * from './scheduler';
export * from './service';
export * from './staff';
export * from './survey';
export * from './workorder';
export * from './iot';

/** Every cloud function and its actions. The typed client and the runtime both start here. */
export const api = {
  account: accountApi,
  analytics: analyticsApi,
  audit: auditApi,
  billing: billingApi,
  dashboard: dashboardApi,
  binding: bindingApi,
  facilities: facilitiesApi,
  message: messageApi,
  notice: noticeApi,
  payment: paymentApi,
  property: propertyApi,
  scheduler: schedulerApi,
  service: serviceApi,
  staff: staffApi,
  survey: surveyApi,
  workorder: workorderApi,
  iot: iotApi,
} as const;

export type Api = typeof api;
export type FunctionName = keyof Api;
