import { iotApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { ackAlarm, listAlarms, resolveAlarm } from './actions/alarms';
import { issueCredential } from './actions/credentials';
import { deviceState, listIotDevices } from './actions/devices';
import { getDeviceRules, getRules, saveDeviceRules, saveRules } from './actions/rules';
import { handleBridgeHttp } from './bridge-http';

/**
 * `iot`: 设备物联 — staff work alarms, edit telemetry rules and issue device credentials; the
 * MQTT bridge relays alarm and state changes through the function's HTTP access (`ingest`).
 */
export const iot = defineFunction(
  'iot',
  iotApi,
  {
    alarms: listAlarms,
    ack: ackAlarm,
    resolve: resolveAlarm,
    devices: listIotDevices,
    deviceState,
    rules: getRules,
    saveRules,
    deviceRules: getDeviceRules,
    saveDeviceRules,
    issueCredential,
  },
  { http: handleBridgeHttp },
);
