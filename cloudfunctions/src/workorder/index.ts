import { workorderApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { cancel } from './actions/cancel';
import { detail } from './actions/detail';
import { candidates, dispatch, reassign } from './actions/dispatch';
import { accept, complete, depart, grab, pause, reject, resume, start } from './actions/field-work';
import { knowledgeSearch } from './actions/knowledge-search';
import { list } from './actions/list';
import { mine } from './actions/mine';
import { confirm, reopen } from './actions/owner-verdict';
import {
  approveQuote,
  declineQuote,
  priceList,
  quote,
  savePriceList,
  setChargeable,
} from './actions/paid-repair';
import { pool, queue } from './actions/queue';
import { createForOwner, report } from './actions/report';
import { setPriority } from './actions/set-priority';
import { saveSettings, settings } from './actions/settings';
import { stats } from './actions/stats';

/** `workorder`: 报事报修 — report, dispatch, field work, acceptance, SLA, knowledge, statistics. */
export const workorder = defineFunction('workorder', workorderApi, {
  report,
  mine,
  detail,
  confirm,
  reopen,
  cancel,
  approveQuote,
  declineQuote,
  createForOwner,
  list,
  dispatch,
  candidates,
  reassign,
  setPriority,
  stats,
  settings,
  saveSettings,
  setChargeable,
  priceList,
  savePriceList,
  queue,
  pool,
  grab,
  accept,
  reject,
  depart,
  start,
  pause,
  resume,
  complete,
  quote,
  knowledgeSearch,
});
