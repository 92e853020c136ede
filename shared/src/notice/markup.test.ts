import '../schemas/zod-setup';
import { fromMarkup, parseRuns, toMarkup } from './markup';
import { NoticeBody } from './rich-text';

describe('notice markup', () => {
  it('turns lines into paragraphs, lists and images', () => {
    const body = fromMarkup(
      [
        '因管道检修，**2号楼**停水。',
        '',
        '- 时间：明天 9:00–17:00',
        '- 范围：2号楼全部单元',
        '1. 提前储水',
        '2. 关好水龙头',
        '![停水范围](local://uploads/map.png)',
      ].join('\n'),
    );
    expect(body.blocks).toEqual([
      {
        type: 'paragraph',
        runs: [{ text: '因管道检修，' }, { text: '2号楼', bold: true }, { text: '停水。' }],
      },
      {
        type: 'list',
        ordered: false,
        items: [[{ text: '时间：明天 9:00–17:00' }], [{ text: '范围：2号楼全部单元' }]],
      },
      { type: 'list', ordered: true, items: [[{ text: '提前储水' }], [{ text: '关好水龙头' }]] },
      { type: 'image', fileId: 'local://uploads/map.png', alt: '停水范围' },
    ]);
    expect(NoticeBody.safeParse(body).success).toBe(true);
  });

  it('round-trips through the editing text', () => {
    const text = '第一段 **重点** 结尾\n- 甲\n- 乙\n1. 一\n![图片](cloud://env.bucket/a.jpg)';
    expect(toMarkup(fromMarkup(text))).toBe(text);
  });

  it('keeps an unmatched ** as text and rejects an image that is not an uploaded file', () => {
    expect(parseRuns('a ** b')).toEqual([{ text: 'a ** b' }]);
    const body = fromMarkup('![x](javascript:alert(1))');
    expect(NoticeBody.safeParse(body).success).toBe(false);
    expect(NoticeBody.safeParse(fromMarkup('  \n ')).success).toBe(false);
  });
});
