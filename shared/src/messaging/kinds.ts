import { z } from 'zod';

/**
 * What a subscription message is about. Each kind maps to one WeChat template (see
 * templates.ts); the unique key of a message is (kind, event, recipient).
 */
export const MessageKind = z.enum([
  'bill_issued',
  'bill_due',
  'payment_received',
  'repair_progress',
  'notice_published',
  'alarm_raised',
  'binding_decided',
  'service_reply',
]);
export type MessageKind = z.infer<typeof MessageKind>;
export const messageKinds = MessageKind.options;

/** Who a kind is for: owners (residents) or staff on duty. */
export type MessageAudience = 'owner' | 'staff';

export interface MessageKindInfo {
  label: string;
  /** One line for the settings page: what the person gets when this kind is on. */
  description: string;
  audience: MessageAudience;
}

export const messageKindInfo: Record<MessageKind, MessageKindInfo> = {
  bill_issued: { label: '账单通知', description: '出新账单时提醒您', audience: 'owner' },
  bill_due: { label: '缴费提醒', description: '账单快到期或已逾期时提醒您', audience: 'owner' },
  payment_received: { label: '缴费成功', description: '缴费成功后发送凭证', audience: 'owner' },
  repair_progress: { label: '报修进度', description: '报修受理、派单、完工时通知您', audience: 'owner' },
  notice_published: { label: '通知公告', description: '物业发布与您有关的通知时提醒您', audience: 'owner' },
  alarm_raised: { label: '设备告警', description: '设备告警时通知值班员工', audience: 'staff' },
  binding_decided: { label: '绑定审核结果', description: '房屋绑定申请审核后通知您', audience: 'owner' },
  service_reply: { label: '客服回复', description: '客服回复您的消息或投诉建议时通知您', audience: 'owner' },
};
