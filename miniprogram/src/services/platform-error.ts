/** A platform service (pay, subscribe, upload, scan) failed; `message` is shown to the person as is. */
export class PlatformError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PlatformError';
  }
}

/** WeChat reports a person's own "cancel" as a failure whose errMsg ends in `cancel`. */
export function isCancel(error: unknown): boolean {
  const errMsg = (error as { errMsg?: unknown } | null)?.errMsg;
  return typeof errMsg === 'string' && /cancel/i.test(errMsg);
}
