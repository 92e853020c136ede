import { schedulerApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { makeTick } from './actions/tick';
import { jobs } from './jobs';

/** The only timer-triggered function (CloudBase allows one trigger per function). */
export const SCHEDULER_TRIGGER_CRON = '0 * * * * * *';

export const scheduler = defineFunction('scheduler', schedulerApi, { tick: makeTick(jobs) });
