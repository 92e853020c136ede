import type { Client, PublishPacket } from 'aedes';
import { parseDeviceTopic } from '../topics';
import type { ClientDevices } from './authenticate';

/**
 * PUBLISH: a device may publish only to its own `telemetry` and `status` topics. A refused
 * publish closes the client's connection (MQTT 3.1.1 has no way to refuse a single publish).
 * The broker's own publishes (client null) pass.
 */
export function authorizePublish(devices: ClientDevices) {
  return (client: Client | null, packet: PublishPacket, callback: (error?: Error | null) => void): void => {
    if (!client) return callback(null);
    const device = devices.get(client);
    const topic = parseDeviceTopic(packet.topic);
    const own =
      device &&
      topic &&
      topic.deviceId === device.deviceId &&
      topic.estateId === device.estateId &&
      (topic.kind === 'telemetry' || topic.kind === 'status');
    callback(own ? null : new Error(`publish to ${packet.topic} not allowed`));
  };
}
