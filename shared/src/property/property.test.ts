import { canAttemptBinding, matchesRegisteredPerson } from './binding-check';
import { normalizeRoomCode, parseRoomCode } from './room-code';
import { householdSearchKeys, normalizePlate, queryPrefixes } from './search-keys';

describe('room codes', () => {
  it('normalise the ways people type them', () => {
    for (const text of [
      '3-2-1201',
      '3栋2单元1201',
      '3号楼2单元1201室',
      '３－２－１２０１',
      ' 3/2/1201 ',
      '3#2#1201',
    ]) {
      expect(normalizeRoomCode(text)).toBe('3-2-1201');
    }
    expect(normalizeRoomCode('a-1-b02')).toBe('A-1-B02');
  });

  it('refuse what is not a room code', () => {
    expect(parseRoomCode('1201')).toBeNull();
    expect(parseRoomCode('3-2')).toBeNull();
    expect(parseRoomCode('3-2-1201-5')).toBeNull();
    expect(parseRoomCode('张三')).toBeNull();
  });
});

describe('household search keys', () => {
  it('index room, names, phone and its last four digits, and plates', () => {
    const keys = householdSearchKeys({
      roomCode: '3-2-1201',
      names: ['陈伟'],
      phones: ['13812345678'],
      plates: ['沪A·12345'],
    });
    expect(keys.sort()).toEqual(
      ['name:陈伟', 'phone:13812345678', 'plate:沪A12345', 'room:3-2-1201', 'tail:5678'].sort(),
    );
  });

  it('read a query as the kind it looks like', () => {
    expect(queryPrefixes('3栋2单元1201')).toEqual([{ kind: 'room', prefix: 'room:3-2-1201' }]);
    expect(queryPrefixes('5678').map((q) => q.kind)).toEqual(['tail', 'room']);
    expect(queryPrefixes('138123')).toEqual([{ kind: 'phone', prefix: 'phone:138123' }]);
    expect(queryPrefixes('沪a12')).toEqual([{ kind: 'plate', prefix: 'plate:沪A12' }]);
    expect(queryPrefixes('3-2')).toEqual([{ kind: 'room', prefix: 'room:3-2' }]);
    expect(queryPrefixes('陈')).toEqual([{ kind: 'name', prefix: 'name:陈' }]);
    expect(queryPrefixes('  ')).toEqual([]);
    expect(normalizePlate('沪 a-123 45')).toBe('沪A12345');
  });
});

describe('binding check', () => {
  const registered = [
    { name: '陈伟', phone: '13812345678' },
    { name: '陈小明', phone: null },
  ];

  it('accepts the registered name with the last four digits of the registered phone', () => {
    expect(matchesRegisteredPerson({ name: '陈伟', phoneLast4: '5678' }, registered)).toBe(true);
    expect(matchesRegisteredPerson({ name: ' 陈 伟 ', phoneLast4: '５６７８' }, registered)).toBe(true);
  });

  it('refuses a wrong name, wrong digits, or a person without a phone', () => {
    expect(matchesRegisteredPerson({ name: '陈伟', phoneLast4: '5679' }, registered)).toBe(false);
    expect(matchesRegisteredPerson({ name: '王伟', phoneLast4: '5678' }, registered)).toBe(false);
    expect(matchesRegisteredPerson({ name: '陈小明', phoneLast4: '5678' }, registered)).toBe(false);
    expect(matchesRegisteredPerson({ name: '陈伟', phoneLast4: '567' }, registered)).toBe(false);
  });

  it('locks an account out after five failures within an hour, and lets it try again later', () => {
    const now = 10 * 3600_000;
    const failures = [1, 2, 3, 4, 5].map((i) => now - i * 60_000);
    expect(canAttemptBinding(failures.slice(0, 4), now)).toBe(true);
    expect(canAttemptBinding(failures, now)).toBe(false);
    expect(canAttemptBinding(failures, now + 3600_000)).toBe(true);
  });
});
