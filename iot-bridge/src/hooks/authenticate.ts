import type { AuthenticateError, Client } from 'aedes';
import type { BridgeDevice } from '@linli/shared';
import type { DeviceRegistry } from '../device-registry';
import type { Logger } from '../logger';

/** Which device each connected client proved to be. */
export type ClientDevices = WeakMap<Client, BridgeDevice>;

function refused(code: 2 | 4 | 5, message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: code });
}

/**
 * CONNECT: the client id and the username are the device id, the password its secret (checked
 * against the stored scrypt hash). Anything else is refused with CONNACK 4 or 5
 * [MQTT-3.2.2-3]: the broker then closes the connection.
 */
export function authenticate(registry: DeviceRegistry, devices: ClientDevices, log: Logger) {
  return (
    client: Client,
    username: string | undefined,
    password: Buffer | undefined,
    done: (error: AuthenticateError | null, success: boolean | null) => void,
  ): void => {
    if (!username || !password) return done(refused(5, 'credentials required'), false);
    if (username !== client.id) return done(refused(2, 'client id must be the device id'), false);
    registry.verify(username, password).then(
      (device) => {
        if (!device) {
          log.log('warn', 'auth.refused', { clientId: client.id });
          return done(refused(4, 'bad device id or secret'), false);
        }
        devices.set(client, device);
        done(null, true);
      },
      (error: unknown) => {
        log.log('error', 'auth.failed', { clientId: client.id, error: (error as Error).message });
        done(refused(5, 'authentication failed'), false);
      },
    );
  };
}
