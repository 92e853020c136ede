import { serviceApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { handleComplaint, listComplaints, myComplaints, submitComplaint } from './actions/complaints';
import { myConversations, ownerUnread, startConversation } from './actions/conversations';
import { householdHistory } from './actions/household-history';
import { agents, assign, inbox } from './actions/inbox';
import { markRead } from './actions/mark-read';
import { quickReplies, setQuickReplies } from './actions/quick-replies';
import { sendMessage } from './actions/send-message';
import { thread } from './actions/thread';

/** `service`: 客服 — owner ↔ desk conversations with unread counts and assignment; 投诉建议. */
export const service = defineFunction('service', serviceApi, {
  start: startConversation,
  mine: myConversations,
  unread: ownerUnread,
  thread,
  send: sendMessage,
  markRead,
  submitComplaint,
  myComplaints,
  inbox,
  agents,
  assign,
  quickReplies,
  setQuickReplies,
  householdHistory,
  complaints: listComplaints,
  handleComplaint,
});
