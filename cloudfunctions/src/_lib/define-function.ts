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

/** A request reaching a function through HTTP access (a WeChat Pay notification), body as raw text. */
export interface HttpRequest {
  method: string;
  path: string;
  /** Lower-case names. */
  headers: Record<string, string | undefined>;
  body: string;
}

export interface HttpResponse {
  statusCode: number;
  headers?: Record<string, string>;
  body: string;
}

/** Serves HTTP-triggered calls; there is no caller identity, so it authenticates the request itself. */
export type HttpHandler = (
  request: HttpRequest,
  deps: { store: Store; log: Logger; now: () => number },
) => Promise<HttpResponse>;

/** A bounded context's function: its contracts (from shared) and one handler per action. */
export interface CloudFunction<F extends FunctionContracts = FunctionContracts> {
  name: string;
  contracts: F;
  handlers: Handlers<F>;
  http?: HttpHandler;
}

/** A function as the runtime sees it: handlers take input the dispatcher has already parsed. */
export interface RuntimeFunction {
  name: string;
  contracts: FunctionContracts;
  handlers: Record<string, (input: never, ctx: ActionContext) => Promise<unknown>>;
  http?: HttpHandler;
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
  options: { http?: HttpHandler } = {},
): CloudFunction<F> {
  return { name, contracts, handlers, ...options };
}
