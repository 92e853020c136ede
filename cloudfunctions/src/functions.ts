import { account } from './account';
import { audit } from './audit';
import { binding } from './binding';
import type { RuntimeFunction } from './_lib/define-function';
import { property } from './property';
import { scheduler } from './scheduler';
import { staff } from './staff';

/** Every deployable function, by name. The local runtime serves these; the build bundles each. */
export const functions: Record<string, RuntimeFunction> = {
  account,
  audit,
  binding,
  property,
  scheduler,
  staff,
};
