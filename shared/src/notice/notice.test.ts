import '../schemas/zod-setup';
import { assertCanMoveNotice, isNoticeLive, noticeCategoryLabels, NoticeTarget } from './notice';
import { readRate } from './read-rate';
import { bodyExcerpt, coverImage, NoticeBody } from './rich-text';
import { describeTarget, targetsHousehold } from './targeting';
import { checkFieldValue } from '../messaging/field-rules';

const home = { _id: 'hh_1', buildingId: 'bld_2', unitId: 'unit_2_1' };

describe('notice rules', () => {
  it('target a household by estate, building, unit or id', () => {
    expect(targetsHousehold({ scope: 'estate' }, home)).toBe(true);
    expect(targetsHousehold({ scope: 'buildings', buildingIds: ['bld_2'] }, home)).toBe(true);
    expect(targetsHousehold({ scope: 'buildings', buildingIds: ['bld_1', 'bld_3'] }, home)).toBe(false);
    expect(targetsHousehold({ scope: 'units', unitIds: ['unit_2_2'] }, home)).toBe(false);
    expect(targetsHousehold({ scope: 'households', householdIds: ['hh_1'] }, home)).toBe(true);
    expect(NoticeTarget.safeParse({ scope: 'buildings', buildingIds: [] }).success).toBe(false);
  });

  it('describe a target for staff lists', () => {
    const names = { building: (id: string) => ({ bld_2: '2号楼', bld_3: '3号楼' })[id] };
    expect(describeTarget({ scope: 'estate' })).toBe('全体住户');
    expect(describeTarget({ scope: 'buildings', buildingIds: ['bld_2', 'bld_3'] }, names)).toBe(
      '2号楼、3号楼',
    );
    expect(describeTarget({ scope: 'buildings', buildingIds: ['bld_2', 'bld_x'] }, names)).toBe('2 个楼栋');
    expect(describeTarget({ scope: 'households', householdIds: ['a', 'b', 'c'] })).toBe('指定 3 户');
  });

  it('move through draft → scheduled → published → withdrawn, never back from published', () => {
    expect(() => assertCanMoveNotice('draft', 'published')).not.toThrow();
    expect(() => assertCanMoveNotice('scheduled', 'draft')).not.toThrow();
    expect(() => assertCanMoveNotice('published', 'draft')).toThrow('不能改为“草稿”');
    expect(() => assertCanMoveNotice('withdrawn', 'published')).toThrow();
  });

  it('are live while published and before their expiry', () => {
    expect(isNoticeLive({ status: 'published', expiresAt: null }, 10)).toBe(true);
    expect(isNoticeLive({ status: 'published', expiresAt: 10 }, 10)).toBe(false);
    expect(isNoticeLive({ status: 'scheduled', expiresAt: null }, 10)).toBe(false);
  });

  it('rate reads with one decimal, and 0 when there is nobody to read', () => {
    expect(readRate(1, 3)).toEqual({ read: 1, total: 3, percent: 33.3 });
    expect(readRate(0, 0)).toEqual({ read: 0, total: 0, percent: 0 });
  });

  it('category labels fit WeChat’s phrase rule for the message', () => {
    for (const label of Object.values(noticeCategoryLabels))
      expect(checkFieldValue('phrase', label).ok).toBe(true);
  });
});

describe('notice body: a small tree, never HTML', () => {
  const body = {
    blocks: [
      { type: 'paragraph', runs: [{ text: '停水时间：', bold: true }, { text: '明日\u0000上午' }] },
      { type: 'list', ordered: false, items: [[{ text: '提前储水' }]] },
      { type: 'image', fileId: 'cloud://env-1.bucket/a.jpg' },
    ],
  };

  it('accepts paragraphs, bold runs, lists and images by file id, stripping control characters', () => {
    const parsed = NoticeBody.parse(body);
    expect(parsed.blocks[0]).toEqual({
      type: 'paragraph',
      runs: [{ text: '停水时间：', bold: true }, { text: '明日上午' }],
    });
    expect(bodyExcerpt(parsed)).toBe('停水时间：明日上午 提前储水');
    expect(coverImage(parsed)).toBe('cloud://env-1.bucket/a.jpg');
  });

  it('refuses anything else: raw HTML, links, unknown fields, foreign image sources, empty text', () => {
    const bad = [
      { blocks: [{ type: 'html', html: '<p>x</p>' }] },
      { blocks: [{ type: 'paragraph', runs: [{ text: 'x', href: 'http://evil' }] }] },
      { blocks: [{ type: 'image', fileId: 'https://evil.example/x.png' }] },
      { blocks: [{ type: 'image', fileId: 'cloud://x/"onerror=alert(1)' }] },
      { blocks: [{ type: 'paragraph', runs: [{ text: '\u0007' }] }] },
      { blocks: [] },
    ];
    for (const value of bad) expect(NoticeBody.safeParse(value).success).toBe(false);
  });

  it('shortens long excerpts with an ellipsis', () => {
    const long = NoticeBody.parse({ blocks: [{ type: 'paragraph', runs: [{ text: '字'.repeat(100) }] }] });
    expect(Array.from(bodyExcerpt(long))).toHaveLength(60);
  });
});
