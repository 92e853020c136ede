import type { ActionContract, FunctionContracts, Identity, OutputOf, ParsedInputOf } from '@linli/shared';
import { AppError } from '@linli/shared';
import type { Caller } from './authorize';
import type { Collections } from './collections';
import type { Logger } from './logger';
import type { Store } from './store/port';

export interface ActionContext {
  caller: Caller;
  /** The store; for staff callers every write through it is audited. */
  store: Store;
  db: Collections;
  requestId: string;
  now: () => number;
  log: Logger;
}

/** The caller's identity; only actions whose access admits anonymous or triggers lack one. */
export function identityOf(ctx: ActionContext): Identity {
  if (ctx.caller.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  return ctx.caller.identity;
}

export type Handler<C extends ActionContract> = (
  input: ParsedInputOf<C>,
  ctx: ActionContext,
) => Promise<OutputOf<C>>;

export type Handlers<F extends FunctionContracts> = { [A in keyof F]: Handler<F[A]> };

/** A bounded context's function: its contracts (from shared) and one handler per action. */
export interface CloudFunction<F extends FunctionContracts = FunctionContracts> {
  name: string;
  contracts: F;
  handlers: Handlers<F>;
}

/** A function as the runtime sees it: handlers take input the dispatcher has already parsed. */
export interface RuntimeFunction {
  name: string;
  contracts: FunctionContracts;
  handlers: Record<string, (input: never, ctx: ActionContext) => Promise<unknown>>;
}

/**
 * Pair a function's contracts with their handlers. The compiler checks that every declared
 * action has a handler returning the declared output; the runtime, the CloudBase entry and the
 * typed client all derive from this one declaration.
 */
export function defineFunction<F extends FunctionContracts>(
  name: string,
  contracts: F,
  handlers: Handlers<F>,
): CloudFunction<F> {
  return { name, contracts, handlers };
}
