import { consumptionOf, outlierFlag, ReadingValue } from './meter-reading';

describe('meter readings', () => {
  it('measure consumption since the previous reading, exactly', () => {
    expect(consumptionOf('1234.5', '1247.0', null)).toEqual({ ok: true, consumption: '12.5' });
    expect(consumptionOf('1234.55', '1234.55', null)).toEqual({ ok: true, consumption: '0' });
  });

  it('take the first reading of a meter as a baseline with nothing to bill', () => {
    expect(consumptionOf(null, '100', null)).toEqual({ ok: true, consumption: null });
  });

  it('refuse a reading that goes backwards unless the meter was replaced', () => {
    const result = consumptionOf('1247', '1200', null);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('小于上次读数 1247');
  });

  it('add what the old meter ran to what the new one ran after a replacement', () => {
    expect(consumptionOf('1234.5', '7.5', { oldFinal: '1240.0', newInitial: '0' })).toEqual({
      ok: true,
      consumption: '13',
    });
    expect(consumptionOf('1234.5', '7.5', { oldFinal: '1200', newInitial: '0' }).ok).toBe(false);
    expect(consumptionOf('1234.5', '7.5', { oldFinal: '1240', newInitial: '8' }).ok).toBe(false);
  });

  it('flag consumption above three times the household average for review', () => {
    expect(outlierFlag('33', ['10', '12', '11'])).toBeNull(); // exactly 3×: not above
    expect(outlierFlag('33.1', ['10', '12', '11'])).toBe('用量 33.1 超过近 3 期平均 11 的 3 倍，请复核');
    expect(outlierFlag('40', ['12.5', '13'])).toBe('用量 40 超过近 2 期平均 12.75 的 3 倍，请复核');
  });

  it('flag nothing without a normal to compare with', () => {
    expect(outlierFlag('500', [])).toBeNull();
    expect(outlierFlag('500', ['0', '0'])).toBeNull();
    expect(outlierFlag(null, ['10'])).toBeNull();
  });

  it('accept readings with up to three decimals and never negative', () => {
    expect(ReadingValue.safeParse('1234.567').success).toBe(true);
    expect(ReadingValue.safeParse('1234.5678').success).toBe(false);
    expect(ReadingValue.safeParse('-1').success).toBe(false);
    expect(ReadingValue.safeParse('12a').success).toBe(false);
  });
});
