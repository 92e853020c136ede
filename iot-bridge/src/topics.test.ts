import { deviceTopic, parseDeviceTopic } from './topics';

describe('device topics', () => {
  it('round-trip a device topic', () => {
    const topic = deviceTopic({ estateId: 'est_1', deviceId: 'lift-3', kind: 'telemetry' });
    expect(topic).toBe('estates/est_1/devices/lift-3/telemetry');
    expect(parseDeviceTopic(topic)).toEqual({ estateId: 'est_1', deviceId: 'lift-3', kind: 'telemetry' });
  });

  it('refuse wildcards, extra levels and unknown kinds', () => {
    expect(parseDeviceTopic('estates/+/devices/lift-3/telemetry')).toBeNull();
    expect(parseDeviceTopic('estates/est_1/devices/#')).toBeNull();
    expect(parseDeviceTopic('estates/est_1/devices/lift-3/telemetry/x')).toBeNull();
    expect(parseDeviceTopic('estates/est_1/devices/lift-3/firmware')).toBeNull();
    expect(() => deviceTopic({ estateId: 'a/b', deviceId: 'x', kind: 'status' })).toThrow(RangeError);
  });
});
