import { z } from 'zod';
import { ellipsize } from '../text/ellipsize';

/**
 * A notice body is a small document tree, never HTML: paragraphs of text runs (optionally
 * bold), bulleted or numbered lists, and images by storage file id. The client draws it with
 * Text/Image components, so there is nothing to sanitize and nothing to inject.
 */

// Control characters would break rendering; line breaks are expressed as paragraphs.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

const RunText = z
  .string()
  .transform((text) => text.replace(CONTROL, ''))
  .pipe(z.string().min(1, '文字不能为空').max(2000, '一段文字最多 2000 字'));

export const TextRun = z.object({ text: RunText, bold: z.boolean().optional() }).strict();
export type TextRun = z.infer<typeof TextRun>;

const Runs = z.array(TextRun).min(1).max(50);

/** A file in cloud storage (`cloud://env.bucket/path`) or in the local runtime (`local://path`). */
export const FileId = z
  .string()
  .max(400)
  .regex(/^(cloud|local):\/\/[^\s<>"'`\\]+$/, '图片须为已上传文件的编号');

export const NoticeBlock = z.discriminatedUnion('type', [
  z.object({ type: z.literal('paragraph'), runs: Runs }).strict(),
  z
    .object({
      type: z.literal('list'),
      ordered: z.boolean(),
      items: z.array(Runs).min(1).max(50),
    })
    .strict(),
  z.object({ type: z.literal('image'), fileId: FileId, alt: z.string().max(50).optional() }).strict(),
]);
export type NoticeBlock = z.infer<typeof NoticeBlock>;

export const MAX_BODY_CHARS = 10_000;
export const MAX_BODY_IMAGES = 20;

function runsOf(block: NoticeBlock): TextRun[] {
  switch (block.type) {
    case 'paragraph':
      return block.runs;
    case 'list':
      return block.items.flat();
    case 'image':
      return [];
  }
}

export const NoticeBody = z
  .object({ blocks: z.array(NoticeBlock).min(1, '正文不能为空').max(200) })
  .strict()
  .refine(
    (body) => body.blocks.flatMap(runsOf).reduce((n, run) => n + run.text.length, 0) <= MAX_BODY_CHARS,
    `正文最多 ${MAX_BODY_CHARS} 字`,
  )
  .refine(
    (body) => body.blocks.filter((b) => b.type === 'image').length <= MAX_BODY_IMAGES,
    `最多 ${MAX_BODY_IMAGES} 张图片`,
  );
export type NoticeBody = z.infer<typeof NoticeBody>;

/** Plain text of the body, blocks on separate lines (for excerpts and search). */
export function bodyText(body: NoticeBody): string {
  return body.blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return block.runs.map((r) => r.text).join('');
        case 'list':
          return block.items.map((item) => item.map((r) => r.text).join('')).join('\n');
        case 'image':
          return '';
      }
    })
    .filter(Boolean)
    .join('\n');
}

/** The first `max` characters of the text, on one line, for feed cards. */
export function bodyExcerpt(body: NoticeBody, max = 60): string {
  return ellipsize(bodyText(body).replace(/\s+/g, ' ').trim(), max);
}

/** The first image, for a card's thumbnail. */
export function coverImage(body: NoticeBody): string | null {
  const image = body.blocks.find((b) => b.type === 'image');
  return image?.type === 'image' ? image.fileId : null;
}
