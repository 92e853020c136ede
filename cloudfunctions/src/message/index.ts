import { messageApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { grantQuota } from './actions/grant-quota';
import { listOutbox } from './actions/list-outbox';
import { listTemplates } from './actions/list-templates';
import { getPreferences, setPreferences } from './actions/preferences';

/** `message`: the person's side of subscription messages (quota, preferences) and the staff outbox. */
export const message = defineFunction('message', messageApi, {
  templates: listTemplates,
  grantQuota,
  preferences: getPreferences,
  setPreferences,
  outbox: listOutbox,
});
