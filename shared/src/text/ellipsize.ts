/**
 * The first `max` characters of `text`, the last one replaced by … when it was cut. Characters,
 * not UTF-16 units: '𠮷' counts as one, as WeChat and people count it.
 */
export function ellipsize(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
