import { bindingApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { claim } from './actions/claim';
import { decide } from './actions/decide';
import { inviteFamily, issueInvitations } from './actions/invitations';
import { estates, mine, queue } from './actions/list';
import { unbind } from './actions/unbind';

export const binding = defineFunction('binding', bindingApi, {
  claim,
  mine,
  estates,
  queue,
  decide,
  inviteFamily,
  issueInvitations,
  unbind,
});
