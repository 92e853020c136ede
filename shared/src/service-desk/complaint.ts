import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { FileId } from '../notice/rich-text';

/** 投诉建议: a complaint to be handled, or a suggestion to be considered. */
export const ComplaintKind = z.enum(['complaint', 'suggestion']);
export type ComplaintKind = z.infer<typeof ComplaintKind>;
export const complaintKindLabels: Record<ComplaintKind, string> = {
  complaint: '投诉',
  suggestion: '建议',
};

export const ComplaintStatus = z.enum(['submitted', 'accepted', 'resolved', 'closed']);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;
export const complaintStatusLabels: Record<ComplaintStatus, string> = {
  submitted: '待受理',
  accepted: '处理中',
  resolved: '已办结',
  closed: '已关闭',
};

/** Handling moves forward only; `closed` is for what will not be acted on (duplicate, out of scope). */
export const complaintTransitions: Record<ComplaintStatus, readonly ComplaintStatus[]> = {
  submitted: ['accepted', 'closed'],
  accepted: ['resolved', 'closed'],
  resolved: [],
  closed: [],
};

export function assertCanMoveComplaint(from: ComplaintStatus, to: ComplaintStatus): void {
  if (!complaintTransitions[from].includes(to))
    throw new AppError(
      'PRECONDITION_FAILED',
      `该事项当前为“${complaintStatusLabels[from]}”，不能改为“${complaintStatusLabels[to]}”`,
    );
}

export const ComplaintContent = z
  .string()
  .trim()
  .min(5, '请至少写 5 个字，说明具体情况')
  .max(1000, '内容最多 1000 字');

export const ComplaintImages = z.array(FileId).max(6, '最多 6 张图片');

export const ComplaintReply = z.string().trim().min(1, '请填写回复内容').max(500, '回复最多 500 字');

/** One step of handling, kept for the owner and staff to read. */
export interface ComplaintEvent {
  at: number;
  byName: string;
  /** The status after this step (unchanged for a reply alone). */
  status: ComplaintStatus;
  /** What the owner is told; null for a status change without words. */
  reply: string | null;
}

/** A complaint or suggestion (collection `complaints`). */
export interface Complaint {
  _id: string;
  estateId: string;
  householdId: string;
  roomCode: string;
  accountId: string;
  ownerName: string;
  kind: ComplaintKind;
  content: string;
  images: string[];
  status: ComplaintStatus;
  events: ComplaintEvent[];
  handlerId: string | null;
  handlerName: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface ComplaintHandling {
  /** Move to this status; omitted for a reply alone. */
  to?: ComplaintStatus;
  reply?: string;
}

/**
 * The complaint after one handling step. Finishing (resolved/closed) needs a reply, so the owner
 * always learns the outcome; a finished one takes no more replies.
 */
export function handleComplaint(
  complaint: Pick<Complaint, 'status' | 'events'>,
  handling: ComplaintHandling,
  by: { name: string },
  now: number,
): Pick<Complaint, 'status' | 'events' | 'updatedAt'> {
  const reply = handling.reply?.trim() || null;
  if (!handling.to && !reply) throw new AppError('VALIDATION', '请选择处理结果或填写回复');
  const to = handling.to ?? complaint.status;
  if (handling.to) assertCanMoveComplaint(complaint.status, handling.to);
  else if (complaintTransitions[complaint.status].length === 0)
    throw new AppError('PRECONDITION_FAILED', '该事项已处理完毕，不能再回复');
  if ((to === 'resolved' || to === 'closed') && !reply)
    throw new AppError('VALIDATION', '办结或关闭时请填写给业主的回复');
  return {
    status: to,
    events: [...complaint.events, { at: now, byName: by.name, status: to, reply }],
    updatedAt: now,
  };
}

/** The latest reply the owner was given, for lists. */
export const latestReply = (complaint: Pick<Complaint, 'events'>): string | null =>
  [...complaint.events].reverse().find((e) => e.reply)?.reply ?? null;
