import { noticeApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { pin, setExpiry } from './actions/arrange';
import { createNotice } from './actions/create-notice';
import { feed } from './actions/feed';
import { listNotices, noticeDetail } from './actions/list-notices';
import { noticeStats } from './actions/notice-stats';
import { openNotice } from './actions/open-notice';
import { cancelSchedule, publish } from './actions/publish';
import { remindUnread } from './actions/remind-unread';
import { unreadHouseholds } from './actions/unread-households';
import { updateNotice } from './actions/update-notice';
import { withdraw } from './actions/withdraw';

/** `notice`: 通知公告 — staff write, target, schedule, follow up; owners read. */
export const notice = defineFunction('notice', noticeApi, {
  create: createNotice,
  update: updateNotice,
  publish,
  cancelSchedule,
  withdraw,
  pin,
  setExpiry,
  list: listNotices,
  detail: noticeDetail,
  feed,
  open: openNotice,
  stats: noticeStats,
  unread: unreadHouseholds,
  remind: remindUnread,
});
