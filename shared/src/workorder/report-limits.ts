import type { WorkOrderCategory } from './category';

/** Abuse limits on reporting (防刷): per account and Shanghai calendar day. */
export const DAILY_REPORT_LIMIT = 10;
/** The same report again within this window is a duplicate. */
export const DUPLICATE_WINDOW_MS = 24 * 60 * 60_000;
export const MAX_PHOTOS = 9;

/** cyrb53: a fast 53-bit string hash; enough to tell one account's reports apart. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Spacing, punctuation and letter case do not make a report different. */
export function normalizeReportText(text: string): string {
  return text.replace(/[\s\p{P}\p{S}]/gu, '').toLowerCase();
}

/** Identical reports (same category, place and words) share a fingerprint. */
export function reportFingerprint(report: {
  category: WorkOrderCategory;
  locationKey: string;
  description: string;
}): string {
  return hash53(`${report.category}|${report.locationKey}|${normalizeReportText(report.description)}`);
}
