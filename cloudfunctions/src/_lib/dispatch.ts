import { AppError, fail, isAppError, newId, ok, type Envelope, type FieldIssue } from '@linli/shared';
import type { z } from 'zod';
import { auditingStore } from './audit';
import { assertCanCall, type Caller } from './authorize';
import { collections } from './collections';
import type { ActionContext, RuntimeFunction } from './define-function';
import { resolveIdentity } from './identity';
import type { Logger } from './logger';
import type { Store } from './store/port';

/** Who is calling, as the transport knows it, before the identity is resolved. */
export type CallerRef = { openid: string } | { trigger: true } | { anonymous: true };

export interface DispatchRequest {
  action: unknown;
  input: unknown;
  caller: CallerRef;
  requestId?: string;
}

export interface DispatchDeps {
  store: Store;
  log: Logger;
  now?: () => number;
}

function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/** Exported for the authorization-matrix test, which checks the gate cell by cell. */
export async function resolveCaller(store: Store, ref: CallerRef, now: number): Promise<Caller> {
  if ('openid' in ref) return { kind: 'user', identity: await resolveIdentity(store, ref.openid, now) };
  if ('trigger' in ref) return { kind: 'trigger' };
  return { kind: 'anonymous' };
}

/**
 * The one path every action call takes, over every transport:
 * find action → resolve caller → check access → parse input → run handler → envelope.
 * Expected failures are AppErrors; anything else is logged with the request id and answered
 * as INTERNAL without details.
 */
export async function dispatch(
  fn: RuntimeFunction,
  request: DispatchRequest,
  deps: DispatchDeps,
): Promise<Envelope<unknown>> {
  const requestId = request.requestId ?? newId('req');
  const now = deps.now ?? Date.now;
  const log = deps.log.child({ requestId, fn: fn.name });
  const action = typeof request.action === 'string' ? request.action : '';
  try {
    const contract = Object.hasOwn(fn.contracts, action) ? fn.contracts[action] : undefined;
    const handler = Object.hasOwn(fn.handlers, action) ? fn.handlers[action] : undefined;
    if (!contract || !handler)
      throw new AppError('UNKNOWN_ACTION', `不支持的操作：${fn.name}.${action || '(空)'}`);

    const caller = await resolveCaller(deps.store, request.caller, now());
    assertCanCall(contract.access, caller);

    const parsed = contract.input.safeParse(request.input ?? {});
    if (!parsed.success) throw new AppError('VALIDATION', undefined, { issues: zodIssues(parsed.error) });

    const isStaffCaller = caller.kind === 'user' && caller.identity.roles.some((r) => r !== 'owner');
    const store =
      caller.kind === 'user' && isStaffCaller && !contract.unaudited
        ? auditingStore(
            deps.store,
            {
              accountId: caller.identity.accountId,
              displayName: caller.identity.displayName,
              roles: caller.identity.roles,
              action: `${fn.name}.${action}`,
              requestId,
            },
            now,
          )
        : deps.store;
    const ctx: ActionContext = { caller, store, db: collections(store), requestId, now, log };
    const data = await handler(parsed.data as never, ctx);
    return ok(data);
  } catch (error) {
    if (isAppError(error)) {
      log.log('info', 'action.rejected', { action, code: error.code });
      return fail(error.toShape(requestId));
    }
    log.log('error', 'action.failed', { action, error });
    return fail(new AppError('INTERNAL').toShape(requestId));
  }
}
