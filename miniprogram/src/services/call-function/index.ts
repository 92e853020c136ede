import type { FunctionName } from '@linli/shared';
import { callFunctionOverHttp } from './h5';
import { callCloudFunction } from './weapp';

/**
 * Run one action of a cloud function and resolve with what the transport returned (normally the
 * response envelope; `api.ts` checks it). Rejects only when the call never got an answer.
 */
export type CallFunction = (name: FunctionName, action: string, input: unknown) => Promise<unknown>;

export const callFunction: CallFunction =
  process.env.TARO_ENV === 'weapp' ? callCloudFunction : callFunctionOverHttp;
