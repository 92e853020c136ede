/**
 * Structured JSON logs, one line per event. Personal data is masked on the way out (PIPL):
 * anything that looks like a mobile or ID number never reaches a log line whole.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const PHONE = /(?<!\d)(1\d{2})\d{4}(\d{4})(?!\d)/g;
const ID_NUMBER = /(?<![\dA-Za-z])(\d{4})\d{10}(\d{3}[\dXx])(?![\dA-Za-z])/g;

export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, '$1**********$2').replace(PHONE, '$1****$2');
}

const levels: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(
  options: { level?: LogLevel; write?: (line: string) => void; base?: Record<string, unknown> } = {},
): Logger {
  const threshold =
    levels[options.level ?? (process.env.LINLI_LOG_LEVEL as LogLevel | undefined) ?? 'info'] ?? 20;
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const base = options.base ?? {};
  return {
    log(level, event, fields = {}) {
      if (levels[level] < threshold) return;
      const line = JSON.stringify(
        { t: new Date().toISOString(), level, event, ...base, ...fields },
        (_key, value: unknown) =>
          value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
      );
      write(maskPersonalData(line));
    },
    child(fields) {
      return createLogger({ ...options, base: { ...base, ...fields } });
    },
  };
}

/** A logger that keeps lines in memory, for tests that assert on what was logged. */
export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger({ level: 'debug', write: (line) => lines.push(line) }), { lines });
}
