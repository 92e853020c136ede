/** JSON-lines logging to stderr, the same shape as the cloud functions' logger. */
export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: Level, msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(options: { quiet?: boolean; base?: Record<string, unknown> } = {}): Logger {
  return {
    log(level, msg, fields = {}) {
      if (options.quiet && level !== 'error') return;
      process.stderr.write(
        `${JSON.stringify({ t: new Date().toISOString(), level, msg, ...options.base, ...fields })}\n`,
      );
    },
  };
}

export const silentLogger: Logger = { log: () => undefined };
