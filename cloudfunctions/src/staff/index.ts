import { staffApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { deactivate, join, list, save } from './actions/manage';

export const staff = defineFunction('staff', staffApi, { list, save, join, deactivate });
