import { AppError, fail } from '@linli/shared';
import { z } from 'zod';
import type { Store } from '../_lib/store/port';
import { simulatorFor } from '../messaging/transport/resolve';
import { SubscribePromptError } from '../messaging/transport/wechat-simulator';

/** Where the H5 build's subscribe service sends the person's answer (miniprogram/src/services/subscribe/h5.ts). */
export const SUBSCRIBE_SIMULATOR_PATH = '/sim/subscribe';

const PromptAnswer = z
  .object({ templateIds: z.array(z.string().min(1).max(128)).max(10), accept: z.boolean() })
  .strict();

/**
 * WeChat's side of `requestSubscribeMessage` in the local runtime: the simulator records one
 * credit per accepted template (what a later send uses up) and answers like WeChat does,
 * `{ results: { [templateId]: 'accept' | 'reject' } }`. The client then reports the answer to
 * `message.grantQuota`, exactly as in the mini-program.
 */
export async function answerSubscribePrompt(
  store: Store,
  openid: string | null,
  body: unknown,
): Promise<[status: number, body: unknown]> {
  if (!openid) return [401, fail(new AppError('UNAUTHENTICATED').toShape())];
  const parsed = PromptAnswer.safeParse(body);
  if (!parsed.success) return [400, fail(new AppError('VALIDATION').toShape())];
  try {
    const results = await simulatorFor(store).subscribe(openid, parsed.data.templateIds, parsed.data.accept);
    return [200, { errMsg: 'requestSubscribeMessage:ok', results }];
  } catch (error) {
    if (!(error instanceof SubscribePromptError)) throw error;
    return [400, { ...fail(new AppError('VALIDATION', error.message).toShape()), errCode: error.errCode }];
  }
}
