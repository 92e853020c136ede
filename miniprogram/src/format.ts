import { shanghai, type Instant } from '@linli/shared';

/** "53712.40" → "53,712.40". Works on the text, so exact decimals from the server stay exact. */
export function groupDigits(value: string | number): string {
  const [whole = '', fraction] = String(value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** Areas arrive as exact decimal strings in m². */
export function squareMeters(area: string | null | undefined): string | null {
  return area ? `${groupDigits(area)} m²` : null;
}

/** A greeting for the hour of the day in Shanghai, whatever time zone the phone is set to. */
export function greeting(now: Instant = Date.now()): string {
  const hour = shanghai(now).hour();
  if (hour < 5) return '夜深了';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}
