import { z } from 'zod';

/** Canned answers agents tap to send (快捷回复); each estate may keep its own list. */
export const QuickReply = z.string().trim().min(1, '快捷回复不能为空').max(200, '一条快捷回复最多 200 字');
export const QuickReplies = z
  .array(QuickReply)
  .max(20, '快捷回复最多 20 条')
  .refine((items) => new Set(items).size === items.length, '快捷回复有重复');

export const defaultQuickReplies: readonly string[] = [
  '您好，这里是物业客服，请问有什么可以帮您？',
  '收到，我们马上安排工作人员处理，请稍候。',
  '已为您登记，处理进度会在这里通知您。',
  '感谢您的反馈，我们会尽快核实。',
  '请问方便提供一下现场照片吗？',
];
