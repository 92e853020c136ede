import { z } from 'zod';

/**
 * Validation messages in Simplified Chinese everywhere the domain runs. Merges into zod's global
 * config, so the mini-program's `jitless` setting survives.
 */
z.config(z.locales.zhCN());
