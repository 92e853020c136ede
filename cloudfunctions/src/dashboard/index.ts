import { dashboardApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { company } from './actions/company';
import { overview } from './actions/overview';
import { saveTarget } from './actions/save-target';

export const dashboard = defineFunction('dashboard', dashboardApi, { overview, company, saveTarget });
