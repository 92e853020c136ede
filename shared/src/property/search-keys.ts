import { normalizeRoomCode, toHalfWidth } from './room-code';

/**
 * Household search works on keys, each a short normalised string with a kind prefix, stored one
 * document per key and found by prefix range. That keeps search an indexed range scan on both
 * SQLite and CloudBase, with no full-text engine.
 */
export type SearchKind = 'room' | 'name' | 'phone' | 'tail' | 'plate';

export const searchKey = (kind: SearchKind, value: string): string => `${kind}:${value}`;

export function normalizePlate(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s·•-]/g, '')
    .toUpperCase();
}

/** Every key a household is findable by. */
export function householdSearchKeys(input: {
  roomCode: string;
  names: string[];
  phones: string[];
  plates: string[];
}): string[] {
  const keys = new Set<string>([searchKey('room', input.roomCode)]);
  for (const name of input.names) keys.add(searchKey('name', name.trim()));
  for (const phone of input.phones) {
    keys.add(searchKey('phone', phone));
    keys.add(searchKey('tail', phone.slice(-4)));
  }
  for (const plate of input.plates) keys.add(searchKey('plate', normalizePlate(plate)));
  return [...keys];
}

/** What a typed query most likely means, as a key prefix to range-scan. */
export function queryPrefixes(query: string): Array<{ kind: SearchKind; prefix: string }> {
  const text = toHalfWidth(query).trim();
  if (!text) return [];
  const room = normalizeRoomCode(text);
  if (room) return [{ kind: 'room', prefix: searchKey('room', room) }];
  if (/^\d{4}$/.test(text)) {
    return [
      { kind: 'tail', prefix: searchKey('tail', text) },
      { kind: 'room', prefix: searchKey('room', text) },
    ];
  }
  if (/^1\d{2,10}$/.test(text)) return [{ kind: 'phone', prefix: searchKey('phone', text) }];
  if (/^[\u4e00-\u9fa5][A-Za-z]/.test(text))
    return [{ kind: 'plate', prefix: searchKey('plate', normalizePlate(text)) }];
  if (/^[\d-]+$/.test(text)) return [{ kind: 'room', prefix: searchKey('room', text) }];
  return [{ kind: 'name', prefix: searchKey('name', text) }];
}

/** The exclusive upper bound of a prefix range. */
export const prefixEnd = (prefix: string): string => `${prefix}\uffff`;
