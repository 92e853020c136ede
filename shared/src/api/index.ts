import { accountApi } from './account';
import { auditApi } from './audit';
import { billingApi } from './billing';
import { bindingApi } from './binding';
import { propertyApi } from './property';
import { schedulerApi } from './scheduler';
import { staffApi } from './staff';

export * from './contract';
export * from './account';
export * from './audit';
export * from './billing';
export * from './binding';
export * from './property';
export * from './scheduler';
export * from './staff';

/** Every cloud function and its actions. The typed client and the runtime both start here. */
export const api = {
  account: accountApi,
  audit: auditApi,
  billing: billingApi,
  binding: bindingApi,
  property: propertyApi,
  scheduler: schedulerApi,
  staff: staffApi,
} as const;

export type Api = typeof api;
export type FunctionName = keyof Api;
