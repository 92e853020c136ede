export { startBridge, type Bridge, type BridgeOptions } from './bridge';
export { httpCloudClient, CloudUnavailable, type CloudClient } from './relay/cloud-client';
export { DiskQueue } from './relay/disk-queue';
export { createLogger, silentLogger, type Logger } from './logger';
export { deviceTopic, parseDeviceTopic } from './topics';
