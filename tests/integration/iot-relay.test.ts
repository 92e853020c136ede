import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Alarm } from '@linli/shared';
import {
  createIotHarness,
  eventually,
  FIRE_PUMP,
  LIFT,
  publishReading,
  type IotHarness,
} from '../helpers/iot';

jest.setTimeout(30_000);

let h: IotHarness;
beforeEach(async () => {
  h = await createIotHarness();
});
afterEach(async () => {
  await h.close();
});

const alarms = async () =>
  (await h.t.store.collection<Alarm>('alarms').find({}, { sort: [['raisedAt', 'asc']] })).items;
const queued = () => readdirSync(join(h.dataDir, 'relay-queue')).filter((f) => f.endsWith('.json')).length;

describe('relay to the cloud', () => {
  it('loses nothing while the cloud is down and delivers each alarm once when it returns', async () => {
    h.cloud.down = true;
    const lift = await h.connect(LIFT);
    // A code clears after a minute without one (device time): three faults in a row.
    const t0 = Date.now() - 5 * 60_000;
    for (const [s, code] of [
      [0, 'E32'],
      [10, null],
      [80, null],
      [90, 'E35'],
      [100, null],
      [170, null],
      [180, 'E36'],
    ] as const)
      await publishReading(lift, LIFT, {
        speed: 0,
        door: 'closed',
        load: 0,
        faultCode: code,
        ts: t0 + s * 1000,
      });
    // Five alarm events (3 raises, 2 clears) wait on disk while requests keep failing.
    await eventually(() => h.cloud.requests >= 3, 'retries');
    expect(queued()).toBeGreaterThan(0);
    expect(await alarms()).toEqual([]);

    h.cloud.down = false;
    h.bridge.relay.kick();
    await eventually(async () => queued() === 0 && (await alarms()).length === 3, 'delivery');
    expect((await alarms()).map((a) => [a.value, a.state])).toEqual([
      ['E32', 'cleared'],
      ['E35', 'cleared'],
      ['E36', 'active_unacked'],
    ]);
  });

  it('survives a bridge restart: devices reconnect and the buffered alarm arrives exactly once', async () => {
    h.cloud.down = true;
    const pump = await h.connect(FIRE_PUMP, { reconnectPeriod: 100 });
    const t0 = Date.now() - 2 * 60_000;
    for (let s = 0; s <= 60; s += 10)
      await publishReading(pump, FIRE_PUMP, { pressure: 0.2, ts: t0 + s * 1000 });
    await eventually(() => queued() > 0, 'queued alarm');
    const port = h.bridge.port;
    await h.bridge.close();

    // A new bridge process on the same disk queue and port; the cloud is back.
    h.cloud.down = false;
    await h.startBridge({ port });
    await eventually(() => pump.connected, 'device reconnected');
    await eventually(
      async () => queued() === 0 && (await alarms()).some((a) => a.ruleId === 'pressure_low'),
      'delivery',
    );
    const critical = (await alarms()).filter((a) => a.ruleId === 'pressure_low');
    expect(critical).toHaveLength(1);
    const orders = await h.t.store.collection('workorders').find({ where: { source: 'alarm' } });
    expect(orders.items).toHaveLength(1);

    // The new bridge learned the alarm is active from the cloud, so recovery clears it.
    await h.bridge.registry.refresh();
    await publishReading(pump, FIRE_PUMP, { pressure: 0.5 });
    await eventually(
      async () => (await alarms()).find((a) => a.ruleId === 'pressure_low')?.state === 'cleared',
      'cleared',
    );
  });

  it('resends a batch whose answer was lost without duplicating anything', async () => {
    const lift = await h.connect(LIFT);
    await publishReading(lift, LIFT, { speed: 0, door: 'closed', load: 0, faultCode: 'E40' });
    await eventually(async () => (await alarms()).length === 1, 'alarm');
    // Replay everything the cloud has seen from this bridge, as if every answer had been lost.
    const sent = h.t.store.collection('alarms');
    const [alarm] = (await sent.find({})).items as Alarm[];
    const response = await fetch(`${h.cloud.url}/ingest`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${process.env.LINLI_IOT_BRIDGE_TOKEN}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        events: [
          {
            eventId: alarm!.raiseEventId,
            kind: 'raise',
            deviceId: LIFT,
            estateId: alarm!.estateId,
            at: alarm!.raisedAt,
            ruleId: 'fault',
            label: alarm!.label,
            severity: alarm!.severity,
            value: 'E40',
            summary: alarm!.summary,
          },
        ],
      }),
    });
    expect(
      ((await response.json()) as { data: { outcomes: { duplicate: number } } }).data.outcomes.duplicate,
    ).toBe(1);
    expect(await alarms()).toHaveLength(1);
  });
});
