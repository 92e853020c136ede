import { normalizeReportText, reportFingerprint } from './report-limits';

describe('duplicate reports', () => {
  const base = { category: 'plumbing' as const, locationKey: 'hh:1', description: '厨房水管漏水！' };

  it('treat spacing, punctuation and case as the same report', () => {
    expect(normalizeReportText(' 厨房 水管，漏水！OK ')).toBe('厨房水管漏水ok');
    expect(reportFingerprint(base)).toBe(reportFingerprint({ ...base, description: '厨房水管 漏水' }));
  });

  it('tell apart a different place, category or fault', () => {
    const fp = reportFingerprint(base);
    expect(reportFingerprint({ ...base, locationKey: 'hh:2' })).not.toBe(fp);
    expect(reportFingerprint({ ...base, category: 'other' })).not.toBe(fp);
    expect(reportFingerprint({ ...base, description: '卫生间水管漏水' })).not.toBe(fp);
  });
});
