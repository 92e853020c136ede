import '../schemas/zod-setup';
import { checkFieldValue } from '../messaging/field-rules';
import { messageTemplates } from '../messaging/templates';
import { renderMessage } from '../messaging/render';
import { handleComplaint, latestReply, assertCanMoveComplaint, complaintStatusLabels } from './complaint';
import { afterMessage, assertCanAssign, unreadFor } from './conversation';
import { messagePreview, ServiceMessageBody } from './message';
import { QuickReplies } from './quick-replies';

const text = (value: string) => ServiceMessageBody.parse({ type: 'text', text: value });

describe('service-desk messages', () => {
  it('accept text or one uploaded image, nothing else', () => {
    expect(text('  电梯又坏了 \n').type).toBe('text');
    expect(ServiceMessageBody.safeParse({ type: 'text', text: '   ' }).success).toBe(false);
    expect(ServiceMessageBody.safeParse({ type: 'text', text: '字'.repeat(1001) }).success).toBe(false);
    expect(ServiceMessageBody.safeParse({ type: 'image', fileId: 'local://uploads/a.jpg' }).success).toBe(
      true,
    );
    expect(ServiceMessageBody.safeParse({ type: 'image', fileId: 'javascript:alert(1)' }).success).toBe(
      false,
    );
    expect(ServiceMessageBody.safeParse({ type: 'voice', fileId: 'local://a' }).success).toBe(false);
  });

  it('preview on one line, shortened, images as [图片]', () => {
    expect(messagePreview(text('第一行\n第二行'))).toBe('第一行 第二行');
    expect(messagePreview(text('一二三四五六七八九十'), 5)).toBe('一二三四…');
    expect(messagePreview({ type: 'image', fileId: 'local://x.png' })).toBe('[图片]');
  });
});

describe('conversation counters', () => {
  const fresh = { lastSeq: 0, unreadByOwner: 0, unreadByStaff: 0 };

  it('give the other side one more unread and clear the sender’s own', () => {
    const afterOwner = afterMessage(fresh, 'owner', text('你好'), 10);
    expect(afterOwner).toMatchObject({ lastSeq: 1, unreadByStaff: 1, unreadByOwner: 0, lastSide: 'owner' });
    const again = afterMessage(afterOwner, 'owner', text('在吗'), 11);
    expect(again).toMatchObject({ lastSeq: 2, unreadByStaff: 2 });
    const reply = afterMessage(again, 'staff', text('您好'), 12);
    expect(reply).toMatchObject({ lastSeq: 3, unreadByStaff: 0, unreadByOwner: 1, lastPreview: '您好' });
    expect(unreadFor(reply, 'owner')).toBe(1);
    expect(unreadFor(reply, 'staff')).toBe(0);
  });

  it('let an agent take an unassigned one; only admins take one from a colleague', () => {
    const free = { assigneeId: null, assigneeName: null };
    const taken = { assigneeId: 'acct_a', assigneeName: '张客服' };
    expect(() => assertCanAssign(free, 'acct_b', 'acct_b', false)).not.toThrow();
    expect(() => assertCanAssign(taken, 'acct_a', 'acct_b', false)).not.toThrow();
    expect(() => assertCanAssign(taken, 'acct_b', 'acct_b', false)).toThrow('张客服负责');
    expect(() => assertCanAssign(taken, 'acct_b', 'acct_b', true)).not.toThrow();
  });
});

describe('complaint handling', () => {
  const by = { name: '张客服' };
  const submitted = { status: 'submitted' as const, events: [] };

  it('moves submitted → accepted → resolved, with a reply to finish', () => {
    const accepted = handleComplaint(submitted, { to: 'accepted' }, by, 1);
    expect(accepted.status).toBe('accepted');
    expect(() => handleComplaint(accepted, { to: 'resolved' }, by, 2)).toThrow('请填写给业主的回复');
    const resolved = handleComplaint(accepted, { to: 'resolved', reply: '已更换灯泡' }, by, 3);
    expect(resolved).toMatchObject({ status: 'resolved', updatedAt: 3 });
    expect(resolved.events.map((e) => e.status)).toEqual(['accepted', 'resolved']);
    expect(latestReply(resolved)).toBe('已更换灯泡');
  });

  it('closes from submitted or accepted, and never moves back or on from the end', () => {
    expect(handleComplaint(submitted, { to: 'closed', reply: '重复提交' }, by, 1).status).toBe('closed');
    expect(() => assertCanMoveComplaint('submitted', 'resolved')).toThrow('不能改为“已办结”');
    expect(() => assertCanMoveComplaint('resolved', 'accepted')).toThrow();
    expect(() => assertCanMoveComplaint('closed', 'submitted')).toThrow();
  });

  it('takes a reply alone while open, not after it is finished, and not an empty step', () => {
    const replied = handleComplaint(submitted, { reply: '已收到，明天上门查看' }, by, 1);
    expect(replied).toMatchObject({ status: 'submitted' });
    expect(replied.events).toHaveLength(1);
    const done = { status: 'resolved' as const, events: replied.events };
    expect(() => handleComplaint(done, { reply: '补充' }, by, 2)).toThrow('不能再回复');
    expect(() => handleComplaint(submitted, {}, by, 2)).toThrow('请选择处理结果或填写回复');
  });

  it('status labels fit WeChat’s phrase rule', () => {
    for (const label of Object.values(complaintStatusLabels))
      expect(checkFieldValue('phrase', label).ok).toBe(true);
  });
});

describe('quick replies and the reply message', () => {
  it('refuse duplicates and empty entries', () => {
    expect(QuickReplies.safeParse(['好的', '好的']).success).toBe(false);
    expect(QuickReplies.safeParse(['  ']).success).toBe(false);
    expect(QuickReplies.safeParse(['好的', '收到']).success).toBe(true);
  });

  it('render a long reply within WeChat’s thing limit', () => {
    const rendered = renderMessage('service_reply', {
      topic: '1-1-1201 在线咨询',
      reply: '您好，电梯维修师傅已经在路上了，预计二十分钟后到达，请耐心等待。',
      replier: '张客服（物业客服）',
      at: Date.UTC(2026, 0, 1, 2),
    });
    expect(messageTemplates.service_reply.title).toBe('客服回复通知');
    expect(rendered.ok).toBe(true);
  });
});
