import { overlap, rankKnowledge, terms, type KnowledgeEntry } from './knowledge';

const entry = (fault: string, overrides: Partial<KnowledgeEntry> = {}): KnowledgeEntry => ({
  category: 'plumbing',
  deviceModel: null,
  fault,
  cause: '',
  fix: '',
  verified: true,
  ...overrides,
});

describe('knowledge base similarity', () => {
  it('splits Chinese into bigrams and keeps model codes whole', () => {
    expect([...terms('水管漏水')]).toEqual(['水管', '管漏', '漏水']);
    expect([...terms('电梯报E31故障，KONE-3000')]).toEqual(['电梯', '梯报', 'e31', '故障', 'kone', '3000']);
    expect([...terms('灯')]).toEqual(['灯']);
  });

  it('scores shared terms with the Dice coefficient', () => {
    expect(overlap(terms('水管漏水'), terms('水管漏水'))).toBe(1);
    expect(overlap(terms('水管漏水'), terms('电梯困人'))).toBe(0);
  });

  it('ranks the most similar past fixes first, with reasons', () => {
    const entries = [
      entry('卫生间地漏堵塞'),
      entry('厨房水管接口漏水'),
      entry('阳台水管漏水', { verified: false }),
    ];
    const hits = rankKnowledge({ text: '厨房水管漏水', category: 'plumbing' }, entries);
    expect(hits.map((h) => h.entry.fault)).toEqual(['厨房水管接口漏水', '阳台水管漏水']);
    expect(hits.map((h) => h.score)).toEqual([0.65, 0.549]);
    expect(hits[0]?.why).toEqual(['描述相似 67%', '同类别', '业主已验收']);
  });

  it('matches a device model even when the words differ, and ignores category-only matches', () => {
    const lift = entry('轿厢门关不上', { category: 'lift', deviceModel: 'KONE-3000' });
    expect(
      rankKnowledge({ text: '按钮没反应', category: 'lift', deviceModel: 'kone-3000' }, [lift]),
    ).toHaveLength(1);
    expect(rankKnowledge({ text: '按钮没反应', category: 'lift' }, [lift])).toHaveLength(0);
  });
});
