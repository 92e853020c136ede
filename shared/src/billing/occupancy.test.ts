import { occupancyInPeriod, vacantOn } from './occupancy';

const stay = (movedInOn: string | null, movedOutOn: string | null) => ({ movedInOn, movedOutOn });

describe('occupancy of a home over a period', () => {
  it('follows the household flag when no residents are recorded', () => {
    expect(occupancyInPeriod({ occupancy: 'vacant' }, [], '2026-06')).toEqual([
      { from: '2026-06-01', vacant: true },
    ]);
    expect(occupancyInPeriod({ occupancy: 'self' }, [], '2026-06')).toEqual([
      { from: '2026-06-01', vacant: false },
    ]);
  });

  it('keeps a vacant home vacant when its owner on record never moved in', () => {
    expect(occupancyInPeriod({ occupancy: 'vacant' }, [stay(null, null)], '2026-06')).toEqual([
      { from: '2026-06-01', vacant: true },
    ]);
  });

  it('turns vacant on the move-out day of the last resident', () => {
    const changes = occupancyInPeriod(
      { occupancy: 'self' },
      [stay(null, '2026-06-15'), stay('2020-01-01', '2026-06-10')],
      '2026-06',
    );
    expect(changes).toEqual([
      { from: '2026-06-01', vacant: false },
      { from: '2026-06-15', vacant: true },
    ]);
    expect(vacantOn(changes, '2026-06-14')).toBe(false);
    expect(vacantOn(changes, '2026-06-15')).toBe(true);
  });

  it('turns lived-in on a tenant’s move-in day', () => {
    expect(
      occupancyInPeriod({ occupancy: 'vacant' }, [stay(null, null), stay('2026-06-15', null)], '2026-06'),
    ).toEqual([
      { from: '2026-06-01', vacant: true },
      { from: '2026-06-15', vacant: false },
    ]);
  });

  it('is vacant all month when everyone left before it', () => {
    expect(occupancyInPeriod({ occupancy: 'self' }, [stay(null, '2026-05-20')], '2026-06')).toEqual([
      { from: '2026-06-01', vacant: true },
    ]);
  });
});
