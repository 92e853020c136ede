import { checkFieldValue, valueTypeOfKey, type WechatValueType } from './field-rules';

const accepts = (type: WechatValueType, value: string) =>
  expect(checkFieldValue(type, value)).toMatchObject({ ok: true, value, truncated: false });
const refuses = (type: WechatValueType, value: string) => expect(checkFieldValue(type, value).ok).toBe(false);

describe('WeChat subscription-message field rules', () => {
  it('read the value type from the data key', () => {
    expect(valueTypeOfKey('thing1')).toBe('thing');
    expect(valueTypeOfKey('character_string12')).toBe('character_string');
    expect(valueTypeOfKey('phone_number3')).toBe('phone_number');
    expect(valueTypeOfKey('thing')).toBeNull();
    expect(valueTypeOfKey('keyword1')).toBeNull();
  });

  it('refuse an empty value of any type', () => {
    for (const type of ['thing', 'amount', 'phrase', 'time', 'character_string'] as const)
      refuses(type, '  ');
  });

  describe('thing: ≤ 20 characters of anything, shortened rather than refused', () => {
    it('keeps 20 characters as they are, counting characters not UTF-16 units', () => {
      accepts('thing', '关于二号楼停水的通知关于二号楼停水的通知');
      accepts('thing', '𠮷'.repeat(20));
    });
    it('shortens a longer text to 20 characters ending in an ellipsis', () => {
      const check = checkFieldValue('thing', '关于二号楼二单元明日上午九点至下午五点停水检修的通知');
      expect(check).toEqual({ ok: true, value: '关于二号楼二单元明日上午九点至下午五点…', truncated: true });
      if (check.ok) expect(Array.from(check.value)).toHaveLength(20);
    });
    it('collapses line breaks and runs of spaces', () => {
      expect(checkFieldValue('thing', ' 停水\n通知  明天 ')).toMatchObject({
        ok: true,
        value: '停水 通知 明天',
      });
    });
  });

  it('phrase: at most 5 Chinese characters, never shortened', () => {
    accepts('phrase', '已受理');
    accepts('phrase', '停水停电');
    refuses('phrase', '维修已经完成了');
    refuses('phrase', 'Done');
    refuses('phrase', '已完成!');
  });

  it('amount: a currency symbol or 元, up to 10 digits, decimals allowed, no separators', () => {
    accepts('amount', '¥12.50');
    accepts('amount', '12.50元');
    accepts('amount', '￥1234567.89');
    refuses('amount', '12.50');
    refuses('amount', '¥1,234.50');
    refuses('amount', '¥123456789.01');
    refuses('amount', '-¥1.00');
    refuses('amount', '¥12.5.0');
  });

  it('time: 24-hour time, optionally with a date, or a period joined by ~', () => {
    accepts('time', '15:01');
    accepts('time', '2019年10月1日 15:01');
    accepts('time', '2026-11-29 09:05');
    accepts('time', '2026年11月29日 09:00~2026年11月29日 17:00');
    refuses('time', '2026年11月29日');
    refuses('time', '25:00');
    refuses('time', '2026年2月30日 10:00');
    refuses('time', '明天上午');
  });

  it('date: a date, optionally with a time', () => {
    accepts('date', '2026年12月15日');
    accepts('date', '2026-12-15');
    accepts('date', '2026年12月15日 10:00');
    accepts('date', '2026年12月1日~2026年12月15日');
    refuses('date', '10:00');
    refuses('date', '2026年13月1日');
  });

  it('character_string: ≤ 32 letters, digits or symbols, no Chinese, never shortened', () => {
    accepts('character_string', 'WO-20261129-0001');
    accepts('character_string', 'a'.repeat(32));
    refuses('character_string', 'a'.repeat(33));
    refuses('character_string', '工单-1');
    refuses('character_string', 'WO 1');
  });

  it('number, letter and symbol', () => {
    accepts('number', '3');
    accepts('number', '12.75');
    refuses('number', '1'.repeat(33));
    refuses('number', '-3');
    accepts('letter', 'ABC');
    refuses('letter', 'A1');
    accepts('symbol', '★☆');
    refuses('symbol', '★★★★★★');
  });

  it('phone_number, car_number and name', () => {
    accepts('phone_number', '138****5678');
    accepts('phone_number', '+86-21-12345678');
    refuses('phone_number', '1'.repeat(18));
    accepts('car_number', '沪A12345');
    accepts('car_number', '粤B1234学');
    refuses('car_number', '沪A1234567');
    refuses('car_number', '沪a12345');
    accepts('name', '王经理');
    accepts('name', 'Zhang San');
    refuses('name', '阿卜杜热合曼买买提江玉素甫');
    refuses('name', '王2');
  });
});
