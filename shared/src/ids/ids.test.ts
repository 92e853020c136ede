import { keyId, newId } from './ids';

describe('ids', () => {
  it('sort by creation time and never repeat', () => {
    const earlier = newId('wo', 1_700_000_000_000);
    const later = newId('wo', 1_700_000_000_001);
    expect(earlier < later).toBe(true);
    expect(new Set(Array.from({ length: 5000 }, () => newId('x'))).size).toBe(5000);
    expect(earlier).toMatch(/^wo_[0-9a-z]{22}$/);
  });

  it('derive the same key from the same parts, made safe for an id', () => {
    expect(keyId('bill', 'hh 1', '2026-11', 'property/fee')).toBe('bill_hh-1_2026-11_property-fee');
    expect(keyId('bill', 'a', 1)).toBe(keyId('bill', 'a', '1'));
  });
});
