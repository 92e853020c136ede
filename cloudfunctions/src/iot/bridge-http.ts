import { createHash, timingSafeEqual } from 'node:crypto';
import { IngestBatch, type BridgeDevice, type Rule } from '@linli/shared';
import { collections, findAll } from '../_lib/collections';
import type { HttpHandler, HttpResponse } from '../_lib/define-function';
import { findByIds } from '../_lib/find-by-ids';
import { deviceLedger } from './devices';
import { ingestEvents } from './ingest';
import { rulesForDevice } from './rule-config';

/**
 * The bridge's door into the cloud (HTTP access of function `iot`): `POST …/ingest` with a batch
 * of alarm and state events, `POST …/sync` for the device credentials and rules it enforces.
 * The caller is a machine, not a person: it proves itself with the shared bridge token
 * (LINLI_IOT_BRIDGE_TOKEN) as a bearer token, compared in constant time.
 */
const MIN_TOKEN_LENGTH = 16;

const digest = (text: string) => createHash('sha256').update(text).digest();

function authorized(header: string | undefined): boolean {
  // An unset cloudbaserc placeholder arrives as '': no token configured means no bridge admitted.
  const expected = process.env.LINLI_IOT_BRIDGE_TOKEN ?? '';
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (expected.length < MIN_TOKEN_LENGTH || !given) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

const json = (statusCode: number, body: unknown): HttpResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
});

export const handleBridgeHttp: HttpHandler = async (request, { store, log, now }) => {
  if (request.method !== 'POST') return json(405, { ok: false, error: '请使用 POST' });
  if (!authorized(request.headers.authorization)) return json(401, { ok: false, error: '网关令牌无效' });
  let body: unknown;
  try {
    body = request.body.trim() ? JSON.parse(request.body) : {};
  } catch {
    return json(400, { ok: false, error: '请求内容不是有效的 JSON' });
  }
  const ctx = { store, now, log: log.child({ svc: 'iot-ingest' }) };
  if (request.path.endsWith('/ingest')) {
    const batch = IngestBatch.safeParse(body);
    if (!batch.success) return json(400, { ok: false, error: batch.error.issues.slice(0, 5) });
    const report = await ingestEvents(ctx, batch.data.events);
    return json(200, { ok: true, data: report });
  }
  if (request.path.endsWith('/sync'))
    return json(200, { ok: true, data: { devices: await bridgeDevices(store) } });
  return json(404, { ok: false, error: '不支持的网关请求' });
};

/** Every device with a credential, with the rules it runs under and its active alarms. */
async function bridgeDevices(store: Parameters<HttpHandler>[1]['store']): Promise<BridgeDevice[]> {
  const db = collections(store);
  const credentials = await findAll(db.iotCredentials, {});
  const ids = credentials.map((c) => c._id);
  const [devices, states] = await Promise.all([
    findByIds(deviceLedger(store), ids),
    findByIds(db.deviceStates, ids),
  ]);
  const typeCache = new Map<string, Rule[]>();
  const result: BridgeDevice[] = [];
  for (const credential of credentials) {
    const device = devices.get(credential._id);
    if (!device || device.status === 'retired') continue;
    result.push({
      deviceId: device._id,
      estateId: device.estateId,
      deviceType: device.type,
      name: device.name,
      secretHash: credential.secretHash,
      rules: await rulesForDevice(db, device, typeCache),
      activeRuleIds: Object.keys(states.get(device._id)?.activeAlarms ?? {}),
    });
  }
  return result;
}
