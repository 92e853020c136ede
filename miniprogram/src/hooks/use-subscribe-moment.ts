import type { SubscribeMoment } from '@linli/shared';
import { call } from '../services/api';
import { subscribe } from '../services/subscribe';
import { useAction } from './use-action';
import { useRemote } from './use-remote';

/**
 * Ask for subscription quota at a natural moment (after a repair report, say). The template ids
 * are loaded ahead: WeChat only shows its prompt when it is called right from a tap. Accepted
 * templates are reported to the server, which keeps the quota ledger.
 */
export function useSubscribeMoment(moment: SubscribeMoment) {
  const templates = useRemote(() => call('message', 'templates', {}), [moment]);
  const templateIds = templates.status === 'ready' ? templates.data.moments[moment] : [];
  const ask = useAction(async () => {
    const answers = await subscribe(templateIds);
    const accepted = Object.values(answers).filter((answer) => answer === 'accept').length;
    if (accepted > 0) await call('message', 'grantQuota', { requestId: requestId(), result: answers });
    return { accepted };
  });
  return { available: templateIds.length > 0, ask };
}

/** One id per prompt, so a retried report of the same answer is applied once. */
function requestId(): string {
  return `sub-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
