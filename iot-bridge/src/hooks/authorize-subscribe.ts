import type { Client, Subscription } from 'aedes';
import { deviceTopic } from '../topics';
import type { ClientDevices } from './authenticate';

/**
 * SUBSCRIBE: a device may subscribe only to its own command topic, exactly (no wildcards).
 * Anything else is negated with SUBACK 0x80 [MQTT-3.9.3-2], leaving the connection open.
 */
export function authorizeSubscribe(devices: ClientDevices) {
  return (
    client: Client,
    subscription: Subscription,
    callback: (error: Error | null, subscription?: Subscription | null) => void,
  ): void => {
    const device = devices.get(client);
    const own =
      device && deviceTopic({ estateId: device.estateId, deviceId: device.deviceId, kind: 'commands' });
    callback(null, own && subscription.topic === own ? subscription : null);
  };
}
