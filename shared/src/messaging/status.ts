import { z } from 'zod';

/**
 * The life of one outbox message. `pending` and `sending` are the only states the sender
 * touches; every other state is final:
 * - sent: WeChat accepted it;
 * - refused: WeChat said the person refused or has no quota left (43101), never retried;
 * - failed: a permanent error, or transient errors on every allowed attempt;
 * - no_quota: nothing left in our quota ledger, so not sent (staff call instead);
 * - opted_out: the person turned this kind off;
 * - invalid: a value broke WeChat's field rules, so it was never sent;
 * - cancelled: its cause went away before it was sent (a notice was withdrawn).
 */
export const MessageStatus = z.enum([
  'pending',
  'sending',
  'sent',
  'refused',
  'failed',
  'no_quota',
  'opted_out',
  'invalid',
  'cancelled',
]);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const messageStatusLabels: Record<MessageStatus, string> = {
  pending: '待发送',
  sending: '发送中',
  sent: '已发送',
  refused: '用户拒收',
  failed: '发送失败',
  no_quota: '无订阅额度',
  opted_out: '用户已关闭',
  invalid: '内容不合规',
  cancelled: '已取消',
};

/** Statuses after which no message of this row will reach the person. */
export const unreachedStatuses: readonly MessageStatus[] = [
  'refused',
  'failed',
  'no_quota',
  'opted_out',
  'invalid',
  'cancelled',
];
