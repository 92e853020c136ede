import { z } from 'zod';
import { FileId } from '../notice/rich-text';
import { ellipsize } from '../text/ellipsize';

/** Which side of a conversation wrote a message: the owner, or the service desk (客服). */
export const ServiceSide = z.enum(['owner', 'staff']);
export type ServiceSide = z.infer<typeof ServiceSide>;

// Control characters other than line breaks would break the chat bubble.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/g;

export const MAX_MESSAGE_CHARS = 1000;

const MessageText = z
  .string()
  .transform((text) => text.replace(CONTROL, '').trim())
  .pipe(z.string().min(1, '请输入消息内容').max(MAX_MESSAGE_CHARS, `一条消息最多 ${MAX_MESSAGE_CHARS} 字`));

/** What one chat message carries: text, or one uploaded image. */
export const ServiceMessageBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: MessageText }).strict(),
  z.object({ type: z.literal('image'), fileId: FileId }).strict(),
]);
export type ServiceMessageBody = z.infer<typeof ServiceMessageBody>;

/** A one-line preview for inbox rows and the message card. */
export function messagePreview(body: ServiceMessageBody, max = 30): string {
  if (body.type === 'image') return '[图片]';
  return ellipsize(body.text.replace(/\s+/g, ' '), max);
}
