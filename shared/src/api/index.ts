import { accountApi } from './account';
import { auditApi } from './audit';
import { billingApi } from './billing';
import { bindingApi } from './binding';
import { messageApi } from './message';
import { noticeApi } from './notice';
import { propertyApi } from './property';
import { schedulerApi } from './scheduler';
import { staffApi } from './staff';
import { workorderApi } from './workorder';

export * from './contract';
export * from './account';
export * from './audit';
export * from './billing';
export * from './binding';
export * from './message';
export * from './notice';
export * from './property';
export * from './scheduler';
export * from './staff';
export * from './workorder';

/** Every cloud function and its actions. The typed client and the runtime both start here. */
export const api = {
  account: accountApi,
  audit: auditApi,
  billing: billingApi,
  binding: bindingApi,
  message: messageApi,
  notice: noticeApi,
  property: propertyApi,
  scheduler: schedulerApi,
  staff: staffApi,
  workorder: workorderApi,
} as const;

export type Api = typeof api;
export type FunctionName = keyof Api;
