import { accountApi } from './account';
import { propertyApi } from './property';

export * from './contract';
export * from './account';
export * from './property';

/** Every cloud function and its actions. The typed client and the runtime both start here. */
export const api = {
  account: accountApi,
  property: propertyApi,
} as const;

export type Api = typeof api;
export type FunctionName = keyof Api;
