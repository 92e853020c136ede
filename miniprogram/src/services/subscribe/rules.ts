import type { SubscribeDecision } from '.';
import { PlatformError } from '../platform-error';

/** WeChat shows at most 3 templates in one request. */
export const MAX_TEMPLATES_PER_REQUEST = 3;

export function assertTemplateCount(templateIds: string[]): void {
  if (templateIds.length === 0 || templateIds.length > MAX_TEMPLATES_PER_REQUEST) {
    throw new PlatformError(`一次最多订阅 ${MAX_TEMPLATES_PER_REQUEST} 类通知`);
  }
}

/** Anything but an explicit accept (or WeChat's own ban/filter) counts as a refusal. */
export function decisionOf(value: unknown): SubscribeDecision {
  return value === 'accept' || value === 'ban' || value === 'filter' ? value : 'reject';
}
