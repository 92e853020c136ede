import { parseTelemetry } from './telemetry';

const NOW = 1_780_000_000_000;

describe('telemetry payloads', () => {
  it('accept a lift reading and split numbers from flags', () => {
    const parsed = parseTelemetry(
      'lift',
      JSON.stringify({ speed: 1.6, door: 'closed', load: 420, faultCode: '' }),
      NOW,
    );
    expect(parsed).toEqual({
      ok: true,
      sample: {
        at: NOW,
        receivedAt: NOW,
        metrics: { speed: 1.6, load: 420 },
        faultCode: null,
        flags: { door: 'closed' },
      },
    });
  });

  it('use the device clock when it is close, and the bridge clock when it is absurd', () => {
    const near = parseTelemetry(
      'fire_pump',
      Buffer.from(JSON.stringify({ pressure: 0.5, ts: NOW - 5000 })),
      NOW,
    );
    const epoch = parseTelemetry('fire_pump', JSON.stringify({ pressure: 0.5, ts: 1000 }), NOW);
    expect(near.ok && near.sample.at).toBe(NOW - 5000);
    expect(epoch.ok && epoch.sample.at).toBe(NOW);
  });

  it.each([
    ['not JSON', 'fire_pump', '{pressure: 0.5'],
    ['a field of another type', 'fire_pump', JSON.stringify({ pressure: 0.5, level: 20 })],
    ['a missing field', 'water_tank', JSON.stringify({})],
    ['a string for a number', 'power_meter', JSON.stringify({ voltage: '220', current: 5 })],
    ['an impossible value', 'fire_pump', JSON.stringify({ pressure: -1 })],
    ['an unknown door state', 'lift', JSON.stringify({ speed: 1, door: 'ajar', load: 0 })],
  ] as const)('refuse %s', (_why, type, payload) => {
    expect(parseTelemetry(type, payload, NOW).ok).toBe(false);
  });
});
