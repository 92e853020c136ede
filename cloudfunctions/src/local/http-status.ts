import type { ErrorCode } from '@linli/shared';

/** HTTP status for an error envelope; the body always carries the typed error. */
export const httpStatusFor: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_BOUND: 403,
  NOT_FOUND: 404,
  UNKNOWN_ACTION: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  PRECONDITION_FAILED: 409,
  RATE_LIMITED: 429,
  VERIFICATION_FAILED: 422,
  STORE_LIMIT: 400,
  INTERNAL: 500,
};
