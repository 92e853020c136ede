import { compareUrgency, type UrgencySubject } from './urgency';

const order = (id: string, fields: Partial<UrgencySubject>) => ({
  id,
  priority: 'normal' as const,
  slaDueAt: 1000,
  createdAt: 0,
  ...fields,
});

describe('compareUrgency', () => {
  it('puts higher priority first, whatever the deadline', () => {
    const sorted = [
      order('low', { priority: 'low', slaDueAt: 1 }),
      order('urgent', { priority: 'urgent', slaDueAt: 9999 }),
    ].sort(compareUrgency);
    expect(sorted.map((o) => o.id)).toEqual(['urgent', 'low']);
  });

  it('puts the nearer deadline first among equal priority, and orders without a clock last', () => {
    const sorted = [
      order('none', { slaDueAt: null }),
      order('later', { slaDueAt: 2000 }),
      order('sooner', { slaDueAt: 1500 }),
    ].sort(compareUrgency);
    expect(sorted.map((o) => o.id)).toEqual(['sooner', 'later', 'none']);
  });

  it('breaks remaining ties by the oldest report', () => {
    const sorted = [order('new', { createdAt: 5 }), order('old', { createdAt: 1 })].sort(compareUrgency);
    expect(sorted.map((o) => o.id)).toEqual(['old', 'new']);
  });
});
