import { z } from 'zod';
import type { DeviceType } from '../facilities/device';

/**
 * Telemetry payloads devices publish to `.../telemetry`, one zod schema per device type. Every
 * payload may carry `ts` (device clock, epoch ms; the bridge trusts its own clock when absent or
 * absurd) and a `faultCode` (null or '' when healthy). Unknown fields are refused: a device
 * that sends something else is misconfigured, and its messages are counted as malformed.
 */
const Base = z.object({
  ts: z.number().int().positive().optional(),
  faultCode: z.string().trim().max(32).nullable().optional(),
});

const Pressure = z.number().min(0).max(10); // MPa
const Voltage = z.number().min(0).max(100_000); // V
const Current = z.number().min(0).max(100_000); // A

export const LiftTelemetry = Base.extend({
  speed: z.number().min(0).max(20), // m/s
  door: z.enum(['open', 'closed', 'opening', 'closing']),
  load: z.number().min(0).max(10_000), // kg
  floor: z.number().int().min(-10).max(200).optional(),
}).strict();

export const PumpTelemetry = Base.extend({ pressure: Pressure, running: z.boolean().optional() }).strict();

export const TankTelemetry = Base.extend({ level: z.number().min(0).max(100) }).strict(); // % full

export const PowerTelemetry = Base.extend({
  voltage: Voltage,
  current: Current,
  temperature: z.number().min(-50).max(300).optional(), // °C, transformers and generators
}).strict();

export const ClimateTelemetry = Base.extend({ temperature: z.number().min(-50).max(150) }).strict();

/** Devices with nothing to measure still report faults and act as heartbeats. */
export const StatusOnlyTelemetry = Base.strict();

export const telemetrySchemas: Record<DeviceType, z.ZodType<TelemetryPayload>> = {
  lift: LiftTelemetry,
  fire_pump: PumpTelemetry,
  water_pump: PumpTelemetry,
  water_tank: TankTelemetry,
  transformer: PowerTelemetry,
  generator: PowerTelemetry,
  power_meter: PowerTelemetry,
  hvac: ClimateTelemetry,
  access_gate: StatusOnlyTelemetry,
  camera: StatusOnlyTelemetry,
  extinguisher: StatusOnlyTelemetry,
};

/** The union of every type's fields, as the evaluator reads them. */
export interface TelemetryPayload {
  ts?: number | undefined;
  faultCode?: string | null | undefined;
  [metric: string]: number | string | boolean | null | undefined;
}

/** A validated sample: numeric metrics the rules compare, plus the fault code. */
export interface Sample {
  /** When it was measured (the device clock when sane). */
  at: number;
  /** When the bridge received it: liveness goes by this, never by the device clock. */
  receivedAt: number;
  metrics: Record<string, number>;
  faultCode: string | null;
  /** Non-numeric readings kept for the live view (door state, running). */
  flags: Record<string, string | boolean>;
}

/** A device clock this far off the bridge's is ignored (unset RTCs report 1970). */
const MAX_CLOCK_SKEW_MS = 10 * 60_000;

// Made on first use: the mini-program (and jsdom) import this module but never decode payloads,
// and not every one of those runtimes has a TextDecoder.
let utf8: TextDecoder | undefined;
const decodeUtf8 = (bytes: Uint8Array): string =>
  (utf8 ??= new TextDecoder('utf-8', { fatal: true })).decode(bytes);

export type ParsedTelemetry = { ok: true; sample: Sample } | { ok: false; reason: string };

/** Parse one MQTT payload for a device type; never throws. */
export function parseTelemetry(
  type: DeviceType,
  payload: Uint8Array | string,
  receivedAt: number,
): ParsedTelemetry {
  let json: unknown;
  try {
    json = JSON.parse(typeof payload === 'string' ? payload : decodeUtf8(payload));
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const parsed = telemetrySchemas[type].safeParse(json);
  if (!parsed.success)
    return {
      ok: false,
      reason: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  const { ts, faultCode, ...rest } = parsed.data;
  const metrics: Record<string, number> = {};
  const flags: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'number') metrics[key] = value;
    else if (typeof value === 'string' || typeof value === 'boolean') flags[key] = value;
  }
  const at = ts !== undefined && Math.abs(ts - receivedAt) <= MAX_CLOCK_SKEW_MS ? ts : receivedAt;
  return { ok: true, sample: { at, receivedAt, metrics, faultCode: faultCode ? faultCode : null, flags } };
}

/** Metric names and units per type, for the rules editor and the live view. */
export const metricInfo: Record<string, { label: string; unit: string }> = {
  speed: { label: '运行速度', unit: 'm/s' },
  load: { label: '载重', unit: 'kg' },
  floor: { label: '楼层', unit: '层' },
  pressure: { label: '压力', unit: 'MPa' },
  level: { label: '液位', unit: '%' },
  voltage: { label: '电压', unit: 'V' },
  current: { label: '电流', unit: 'A' },
  temperature: { label: '温度', unit: '℃' },
};
