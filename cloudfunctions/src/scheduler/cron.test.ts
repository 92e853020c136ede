import { dueOccurrences, parseCloudbaseCron } from './cron';

const at = (iso: string) => new Date(iso);

describe('CloudBase cron in Shanghai time', () => {
  it('fires a 02:00 daily job at 02:00 Shanghai (18:00 UTC the day before)', () => {
    const due = dueOccurrences('0 0 2 * * * *', at('2026-11-28T00:00:00Z'), at('2026-11-29T00:00:00Z'), 10);
    expect(due.map((d) => d.toISOString())).toEqual(['2026-11-28T18:00:00.000Z']);
  });

  it('catches up every missed occurrence once, oldest first, after three days down', () => {
    const due = dueOccurrences('0 0 2 * * * *', at('2026-11-25T18:00:00Z'), at('2026-11-29T00:00:00Z'), 10);
    expect(due.map((d) => d.toISOString())).toEqual([
      '2026-11-26T18:00:00.000Z',
      '2026-11-27T18:00:00.000Z',
      '2026-11-28T18:00:00.000Z',
    ]);
  });

  it('excludes the occurrence it last ran and caps the catch-up', () => {
    const since = at('2026-11-28T18:00:00Z');
    expect(dueOccurrences('0 0 2 * * * *', since, since, 10)).toEqual([]);
    expect(
      dueOccurrences('0 * * * * * *', at('2026-11-28T00:00:00Z'), at('2026-11-28T10:00:00Z'), 5),
    ).toHaveLength(5);
  });

  it('refuses cron expressions CloudBase would not accept', () => {
    expect(() => parseCloudbaseCron('0 0 2 * * *')).toThrow(/7 fields/);
    expect(() => parseCloudbaseCron('0 0 2 * * * 2027')).toThrow(/year/);
  });
});
