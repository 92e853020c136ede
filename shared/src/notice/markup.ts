import type { NoticeBlock, NoticeBody, TextRun } from './rich-text';

/**
 * The plain-text form staff type a notice body in (the mini-program has no rich editor that
 * works in weapp and H5 alike). One line is one block:
 *   `- 项目` / `1. 项目`    consecutive lines form a bulleted / numbered list
 *   `![说明](fileId)`      an uploaded image
 *   anything else          a paragraph; `**文字**` is bold
 * `toMarkup` gives the text back for editing, so a saved body round-trips.
 */

const BULLET = /^[-*•]\s+(.*)$/;
const NUMBERED = /^\d+[.、)]\s*(.*)$/;
const IMAGE = /^!\[([^\]]*)\]\((\S+)\)$/;

/** `a **b** c` → runs; an unmatched `**` stays as text. */
export function parseRuns(line: string): TextRun[] {
  const runs: TextRun[] = [];
  const pattern = /\*\*(.+?)\*\*/g;
  let last = 0;
  for (let match = pattern.exec(line); match; match = pattern.exec(line)) {
    if (match.index > last) runs.push({ text: line.slice(last, match.index) });
    runs.push({ text: match[1]!, bold: true });
    last = match.index + match[0].length;
  }
  if (last < line.length) runs.push({ text: line.slice(last) });
  return runs.filter((run) => run.text.length > 0);
}

/** The body a markup text describes. It may still be invalid (too long, empty): parse with NoticeBody. */
export function fromMarkup(text: string): NoticeBody {
  const blocks: NoticeBlock[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const image = IMAGE.exec(line);
    if (image) {
      blocks.push(
        image[1] ? { type: 'image', fileId: image[2]!, alt: image[1] } : { type: 'image', fileId: image[2]! },
      );
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet?.[1] ?? numbered?.[1];
    if (item !== undefined && item.trim()) {
      const ordered = numbered !== null;
      const previous = blocks[blocks.length - 1];
      const runs = parseRuns(item.trim());
      if (previous?.type === 'list' && previous.ordered === ordered) previous.items.push(runs);
      else blocks.push({ type: 'list', ordered, items: [runs] });
      continue;
    }
    blocks.push({ type: 'paragraph', runs: parseRuns(line) });
  }
  return { blocks };
}

const runsText = (runs: TextRun[]): string =>
  runs.map((run) => (run.bold ? `**${run.text}**` : run.text)).join('');

export function toMarkup(body: NoticeBody): string {
  return body.blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
          return runsText(block.runs);
        case 'list':
          return block.items
            .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${runsText(item)}`)
            .join('\n');
        case 'image':
          return `![${block.alt ?? '图片'}](${block.fileId})`;
      }
    })
    .join('\n');
}
