import { fen } from '../money/money';
import { renderMessage } from './render';
import { messageKinds } from './kinds';
import { messageTemplates } from './templates';
import { valueTypeOfKey } from './field-rules';

describe('rendering a message kind into WeChat data', () => {
  it('every template has unique, typed keys and unique labels', () => {
    for (const kind of messageKinds) {
      const keywords = messageTemplates[kind].keywords;
      expect(keywords.every((k) => valueTypeOfKey(k.key) !== null)).toBe(true);
      expect(new Set(keywords.map((k) => k.key)).size).toBe(keywords.length);
      expect(new Set(keywords.map((k) => k.label)).size).toBe(keywords.length);
    }
  });

  it('turns domain values (fen, dates, instants) into the documented formats', () => {
    const rendered = renderMessage('bill_issued', {
      house: '邻里花园 1-1-1201',
      itemName: '物业费',
      period: '2026-11',
      amountFen: 21040,
      dueDate: '2026-12-15',
    });
    expect(rendered).toMatchObject({
      ok: true,
      title: '账单生成通知',
      data: {
        thing1: { value: '物业费 2026年11月' },
        thing2: { value: '邻里花园 1-1-1201' },
        amount3: { value: '¥210.40' },
        date4: { value: '2026年12月15日' },
      },
      adjustments: [],
    });
    const paid = renderMessage('payment_received', {
      house: '邻里花园 1-1-1201',
      itemName: '物业费',
      amountFen: fen(123456789),
      paidAt: Date.parse('2026-11-29T01:05:00Z'),
      orderNo: 'LL202611290001',
    });
    expect(paid.ok && paid.data.amount3?.value).toBe('¥1234567.89');
    expect(paid.ok && paid.data.time4?.value).toBe('2026年11月29日 09:05');
  });

  it('shortens a long notice title and says so', () => {
    const rendered = renderMessage('notice_published', {
      title: '关于二号楼二单元明日上午九点至下午五点停水检修的通知',
      categoryLabel: '停水停电',
      publisher: '邻里花园物业服务中心',
      publishedAt: Date.parse('2026-11-29T01:00:00Z'),
    });
    expect(rendered.ok && rendered.rows[0]).toEqual({
      key: 'thing1',
      label: '公告标题',
      value: '关于二号楼二单元明日上午九点至下午五点…',
    });
    expect(rendered.ok && rendered.adjustments).toEqual(['公告标题：已截断为 20 字']);
  });

  it('refuses what WeChat would refuse, naming the field', () => {
    const rendered = renderMessage('repair_progress', {
      orderNo: 'WO-1',
      subject: '厨房水管漏水',
      status: '师傅已经出发了',
      at: Date.now(),
    });
    expect(rendered).toMatchObject({ ok: false, problems: ['工单状态：须为 5 个以内的汉字'] });
    const tooLong = renderMessage('payment_received', {
      house: '1-1-1201',
      itemName: '物业费',
      amountFen: fen(100),
      paidAt: Date.now(),
      orderNo: 'x'.repeat(33),
    });
    expect(tooLong.ok).toBe(false);
  });

  it('refuses fields of the wrong shape before touching WeChat rules', () => {
    const rendered = renderMessage('bill_due', {
      house: '1-1-1201',
      itemName: '物业费',
      amountFen: 12.5,
      dueDate: '2026-12-15',
    });
    expect(rendered.ok).toBe(false);
  });
});
