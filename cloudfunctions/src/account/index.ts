import { accountApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { getMe } from './actions/get-me';

export const account = defineFunction('account', accountApi, { me: getMe });
