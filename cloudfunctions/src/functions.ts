import { account } from './account';
import { audit } from './audit';
import { billing } from './billing';
import { binding } from './binding';
import { message } from './message';
import { notice } from './notice';
import type { RuntimeFunction } from './_lib/define-function';
import { property } from './property';
import { scheduler } from './scheduler';
import { staff } from './staff';

/** Every deployable function, by name. The local runtime serves these; the build bundles each. */
export const functions: Record<string, RuntimeFunction> = {
  account,
  audit,
  billing,
  binding,
  message,
  notice,
  property,
  scheduler,
  staff,
};
