import { account } from './account';
import { analytics } from './analytics';
import { audit } from './audit';
import { billing } from './billing';
import { binding } from './binding';
import { dashboard } from './dashboard';
import { facilities } from './facilities';
import { iot } from './iot';
import { message } from './message';
import { notice } from './notice';
import { payment } from './payment';
import type { RuntimeFunction } from './_lib/define-function';
import { property } from './property';
import { scheduler } from './scheduler';
import { service } from './service';
import { staff } from './staff';
import { survey } from './survey';
import { workorder } from './workorder';

/** Every deployable function, by name. The local runtime serves these; the build bundles each. */
export const functions: Record<string, RuntimeFunction> = {
  account,
  analytics,
  audit,
  billing,
  binding,
  dashboard,
  facilities,
  iot,
  message,
  notice,
  payment,
  property,
  scheduler,
  service,
  staff,
  survey,
  workorder,
};
