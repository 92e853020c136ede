import { AppError, fail, type Envelope } from '@linli/shared';
import { dispatch, type CallerRef } from '../_lib/dispatch';
import type { RuntimeFunction } from '../_lib/define-function';
import type { Logger } from '../_lib/logger';
import type { Store } from '../_lib/store/port';
import { functions as allFunctions } from '../functions';

export interface Runtime {
  store: Store;
  functions: Record<string, RuntimeFunction>;
  /** Call an action as the given caller, exactly as the cloud would. */
  call(fn: string, action: string, input: unknown, caller: CallerRef): Promise<Envelope<unknown>>;
}

/** The cloud functions in one process over one store: used by the HTTP server and by tests. */
export function createRuntime(options: {
  store: Store;
  log: Logger;
  now?: () => number;
  functions?: Record<string, RuntimeFunction>;
}): Runtime {
  const functions = options.functions ?? allFunctions;
  return {
    store: options.store,
    functions,
    async call(fn, action, input, caller) {
      const target = Object.hasOwn(functions, fn) ? functions[fn] : undefined;
      if (!target) return fail(new AppError('UNKNOWN_ACTION', `不存在的云函数：${fn}`).toShape());
      return dispatch(
        target,
        { action, input, caller },
        { store: options.store, log: options.log, now: options.now },
      );
    },
  };
}
