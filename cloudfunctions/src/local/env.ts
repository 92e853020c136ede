import { resolve } from 'node:path';
import { z } from 'zod';

const repoRoot = resolve(__dirname, '../../..');

/** The local runtime's settings, parsed once at start-up; a bad value stops it with a clear message. */
export const LocalEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  LINLI_DATA_DIR: z.string().default(resolve(repoRoot, '.data')),
  LINLI_H5_DIR: z.string().default(resolve(repoRoot, 'miniprogram/dist/h5')),
  /** Run the scheduler's timer trigger on its cron schedule. */
  LINLI_TIMERS: z.enum(['on', 'off']).default('on'),
});
export type LocalEnv = z.infer<typeof LocalEnv>;

export function parseLocalEnv(source: NodeJS.ProcessEnv = process.env): LocalEnv {
  const parsed = LocalEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(
      `环境变量有误 / invalid environment: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
