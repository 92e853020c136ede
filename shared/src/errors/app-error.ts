import { errorMessages, type ErrorCode } from './codes';

/** One issue of a failed validation, in a shape the client can show next to a field. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The wire shape of every failure. */
export interface ErrorShape {
  code: ErrorCode;
  message: string;
  requestId?: string;
  issues?: FieldIssue[];
}

/** The only error type handlers throw on purpose. Anything else is an INTERNAL error. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: FieldIssue[];

  constructor(code: ErrorCode, message?: string, options?: { issues?: FieldIssue[]; cause?: unknown }) {
    super(message ?? errorMessages[code], { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.issues = options?.issues;
  }

  toShape(requestId?: string): ErrorShape {
    return {
      code: this.code,
      message: this.message,
      ...(requestId ? { requestId } : {}),
      ...(this.issues?.length ? { issues: this.issues } : {}),
    };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
