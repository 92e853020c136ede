import { accountApi } from './account';
import { bindingApi } from './binding';
import { propertyApi } from './property';
import { schedulerApi } from './scheduler';

export * from './contract';
export * from './account';
export * from './binding';
export * from './property';
export * from './scheduler';

/** Every cloud function and its actions. The typed client and the runtime both start here. */
export const api = {
  account: accountApi,
  binding: bindingApi,
  property: propertyApi,
  scheduler: schedulerApi,
} as const;

export type Api = typeof api;
export type FunctionName = keyof Api;
