import { z } from 'zod';
import type { BridgeDevice } from '@linli/shared';
import { CloudUnavailable, type CloudClient } from './cloud-client';

/**
 * Production: the bridge invokes the `iot` function through `@cloudbase/node-sdk` with an
 * HTTP-access-shaped event, so the function authenticates the bridge token exactly as it does
 * over HTTP (see cloudfunctions/src/_lib/cloudbase-entry.ts).
 */
export function cloudbaseCloudClient(options: {
  env: string;
  secretId: string;
  secretKey: string;
  token: string;
  functionName?: string;
}): CloudClient {
  // Loaded lazily: only production deployments of the bridge need the SDK.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tcb = require('@cloudbase/node-sdk') as {
    init(config: Record<string, unknown>): {
      callFunction(call: { name: string; data: unknown }): Promise<{ result?: unknown }>;
    };
  };
  const app = tcb.init({ env: options.env, secretId: options.secretId, secretKey: options.secretKey });
  const Answer = z.object({ statusCode: z.number(), body: z.string() });
  async function invoke(path: string, body: unknown): Promise<unknown> {
    let result: unknown;
    try {
      ({ result } = await app.callFunction({
        name: options.functionName ?? 'iot',
        data: {
          httpMethod: 'POST',
          path,
          headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
          isBase64Encoded: false,
        },
      }));
    } catch (error) {
      throw new CloudUnavailable(`cloud function unreachable: ${(error as Error).message}`);
    }
    const answer = Answer.parse(result);
    if (answer.statusCode >= 300)
      throw new CloudUnavailable(
        `cloud answered ${answer.statusCode}: ${answer.body.slice(0, 200)}`,
        answer.statusCode < 500,
      );
    return JSON.parse(answer.body) as unknown;
  }
  return {
    async ingest(events) {
      await invoke('/ingest', { events });
    },
    async sync() {
      const answer = z
        .object({ data: z.object({ devices: z.array(z.any()) }) })
        .parse(await invoke('/sync', {}));
      return answer.data.devices as BridgeDevice[];
    },
  };
}
