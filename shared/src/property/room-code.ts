/**
 * Room codes (房号编码) name a room as building-unit-room, e.g. `3-2-1201`. Staff and residents
 * type them many ways (`3栋2单元1201`, `３－２－１２０１`, `3/2/1201`); all normalise to one form.
 */
export interface RoomCodeParts {
  building: string;
  unit: string;
  room: string;
}

/** Full-width digits and letters to ASCII, so `１２０１` matches `1201`. */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

export function parseRoomCode(text: string): RoomCodeParts | null {
  const cleaned = toHalfWidth(text).trim().replace(/\s+/g, '');
  const match =
    /^([A-Za-z0-9]{1,10})(?:号楼|栋|幢|[-/#])([A-Za-z0-9]{1,10})(?:单元|[-/#])([A-Za-z0-9]{1,10})(?:室|号)?$/.exec(
      cleaned,
    );
  if (!match) return null;
  return { building: match[1]!.toUpperCase(), unit: match[2]!.toUpperCase(), room: match[3]!.toUpperCase() };
}

export function formatRoomCode({ building, unit, room }: RoomCodeParts): string {
  return `${building}-${unit}-${room}`;
}

/** The canonical room code, or null when the text is not one. */
export function normalizeRoomCode(text: string): string | null {
  const parts = parseRoomCode(text);
  return parts ? formatRoomCode(parts) : null;
}
