import type { z } from 'zod';
import type { Role } from '../schemas/identity';

/**
 * Who may call an action:
 * - `public`: anyone, even without identity (health, dev login helpers)
 * - `signed-in`: any caller with an identity, bound or not
 * - `trigger`: only the platform's timer trigger (never a user)
 * - a list of roles: an owner with an approved binding, or staff holding one of the roles
 */
export type Access = 'public' | 'signed-in' | 'trigger' | { roles: readonly Role[] };

export interface ActionContract<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  /** One line for the API listing and the authorization table. */
  summary: string;
  /**
   * Writes are not put in the audit trail even when the caller is staff: for answers that must
   * not name their author (anonymous surveys). Use for nothing else.
   */
  unaudited?: true;
  /** Phantom field carrying the output type to the typed client. */
  readonly __output?: O;
}

/**
 * Declare an action's contract: `contract<Output>()({ input, access, summary })`.
 * Curried so the output type is named while the input type is inferred from the schema.
 */
export function contract<O>() {
  return <I extends z.ZodType>(definition: {
    input: I;
    access: Access;
    summary: string;
    unaudited?: true;
  }): ActionContract<I, O> => definition;
}

export type InputOf<C> = C extends ActionContract<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ActionContract<infer I, unknown> ? z.output<I> : never;
export type OutputOf<C> = C extends ActionContract<z.ZodType, infer O> ? O : never;

export type FunctionContracts = Record<string, ActionContract>;
