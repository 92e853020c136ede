import { z } from 'zod';
import type { BridgeDevice, RelayEvent } from '@linli/shared';

/** How the bridge reaches the `iot` function: HTTP to the local runtime, or CloudBase in production. */
export interface CloudClient {
  ingest(events: readonly RelayEvent[]): Promise<void>;
  sync(): Promise<BridgeDevice[]>;
}

export class CloudUnavailable extends Error {
  constructor(
    message: string,
    /** 4xx answers will not improve by retrying the same batch. */
    readonly permanent = false,
  ) {
    super(message);
  }
}

const SyncAnswer = z.object({ ok: z.literal(true), data: z.object({ devices: z.array(z.any()) }) });

/** POSTs to `<baseUrl>/ingest` and `<baseUrl>/sync` with the bridge token as a bearer token. */
export function httpCloudClient(options: {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
}): CloudClient {
  const base = options.baseUrl.replace(/\/$/, '');
  async function post(path: string, body: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new CloudUnavailable(`cloud unreachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    if (!response.ok)
      throw new CloudUnavailable(
        `cloud answered ${response.status}: ${text.slice(0, 200)}`,
        response.status < 500 && response.status !== 429,
      );
    return JSON.parse(text) as unknown;
  }
  return {
    async ingest(events) {
      await post('/ingest', { events });
    },
    async sync() {
      return SyncAnswer.parse(await post('/sync', {})).data.devices as BridgeDevice[];
    },
  };
}
