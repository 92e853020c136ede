import { createHash, scrypt, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseStoredSecret, type BridgeDevice } from '@linli/shared';
import type { Logger } from './logger';
import type { CloudClient } from './relay/cloud-client';

/**
 * The devices the bridge admits, with their credential hashes and rules, as last synced from
 * the cloud. The last good snapshot is kept on disk so the bridge keeps working through a cloud
 * outage, restarts included.
 */
export class DeviceRegistry {
  private devices = new Map<string, BridgeDevice>();
  /** Passwords already verified against a hash, so reconnect storms don't each pay for scrypt. */
  private verified = new Map<string, string>();
  /** When a connect by an unknown device last made us refresh. */
  private lastMissRefresh = 0;
  private refreshing: Promise<void> | null = null;
  private listeners: Array<(device: BridgeDevice, previous: BridgeDevice | undefined) => void> = [];
  private revokedListeners: Array<(deviceId: string) => void> = [];

  constructor(
    private readonly options: {
      cloud: CloudClient;
      log: Logger;
      snapshotFile?: string;
      minRefreshMs?: number;
    },
  ) {
    const file = options.snapshotFile;
    if (file && existsSync(file)) {
      try {
        this.replace(JSON.parse(readFileSync(file, 'utf8')) as BridgeDevice[]);
      } catch (error) {
        options.log.log('warn', 'registry.snapshot_unreadable', { error: (error as Error).message });
      }
    }
  }

  get(deviceId: string): BridgeDevice | undefined {
    return this.devices.get(deviceId);
  }

  get size(): number {
    return this.devices.size;
  }

  all(): IterableIterator<BridgeDevice> {
    return this.devices.values();
  }

  /** Called for every device (re)loaded: the rules runtime takes new rules from here. */
  onDevice(listener: (device: BridgeDevice, previous: BridgeDevice | undefined) => void): void {
    this.listeners.push(listener);
  }

  /** Called for a device whose secret was rotated or whose credential is gone: drop its connection. */
  onRevoked(listener: (deviceId: string) => void): void {
    this.revokedListeners.push(listener);
  }

  /** Fetch from the cloud; failures keep the current set. At most one request at a time. */
  refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const devices = await this.options.cloud.sync();
        this.replace(devices);
        if (this.options.snapshotFile) {
          const tmp = `${this.options.snapshotFile}.tmp`;
          writeFileSync(tmp, JSON.stringify(devices));
          renameSync(tmp, this.options.snapshotFile);
        }
      } catch (error) {
        this.options.log.log('warn', 'registry.sync_failed', { error: (error as Error).message });
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /** A device we don't know may have just been issued a credential: refresh, but not on every attempt. */
  async lookup(deviceId: string): Promise<BridgeDevice | undefined> {
    const known = this.devices.get(deviceId);
    if (known) return known;
    if (Date.now() - this.lastMissRefresh >= (this.options.minRefreshMs ?? 5000)) {
      this.lastMissRefresh = Date.now();
      await this.refresh();
    }
    return this.devices.get(deviceId);
  }

  private replace(devices: BridgeDevice[]): void {
    const next = new Map(devices.map((d) => [d.deviceId, d]));
    const revoked: string[] = [];
    for (const [id, device] of next) {
      const previous = this.devices.get(id);
      if (previous?.secretHash !== device.secretHash) this.verified.delete(id);
      if (previous && previous.secretHash !== device.secretHash) revoked.push(id);
      this.listeners.forEach((listener) => listener(device, previous));
    }
    for (const id of this.devices.keys())
      if (!next.has(id)) {
        this.verified.delete(id);
        revoked.push(id);
      }
    this.devices = next;
    for (const id of revoked) this.revokedListeners.forEach((listener) => listener(id));
  }

  async verify(deviceId: string, password: Buffer): Promise<BridgeDevice | null> {
    const device = await this.lookup(deviceId);
    if (!device) return null;
    const fingerprint = createHash('sha256')
      .update(device.secretHash)
      .update('\0')
      .update(password)
      .digest('hex');
    if (this.verified.get(deviceId) === fingerprint) return device;
    const stored = parseStoredSecret(device.secretHash);
    if (!stored) return null;
    const expected = Buffer.from(stored.hash, 'base64url');
    const actual = await new Promise<Buffer>((resolve, reject) =>
      scrypt(
        password,
        Buffer.from(stored.salt, 'base64url'),
        expected.length,
        { N: stored.N, r: stored.r, p: stored.p, maxmem: 256 * stored.N * stored.r },
        (error, key) => (error ? reject(error) : resolve(key)),
      ),
    );
    if (!timingSafeEqual(actual, expected)) return null;
    this.verified.set(deviceId, fingerprint);
    return device;
  }
}
