import { auditApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { listEntries } from './actions/list-entries';

export const audit = defineFunction('audit', auditApi, { list: listEntries });
