import {
  defaultRules,
  deviceRulesId,
  effectiveRules,
  RuleList,
  RuleOverrides,
  typeRulesId,
  type DeviceType,
  type Rule,
  type RuleOverrides as Overrides,
  type TelemetryRulesDoc,
} from '@linli/shared';
import type { Collections } from '../_lib/collections';

type RulesDb = Pick<Collections, 'telemetryRules'>;

/** An estate's rules for a type: its saved list, or the defaults. Stored lists are parsed again. */
export async function typeRulesOf(
  db: RulesDb,
  estateId: string,
  deviceType: DeviceType,
): Promise<{ rules: Rule[]; doc: Extract<TelemetryRulesDoc, { scope: 'type' }> | null }> {
  const doc = await db.telemetryRules.get(typeRulesId(estateId, deviceType));
  if (doc?.scope !== 'type') return { rules: defaultRules[deviceType], doc: null };
  const parsed = RuleList.safeParse(doc.rules);
  return { rules: parsed.success ? parsed.data : defaultRules[deviceType], doc };
}

export async function overridesOf(db: RulesDb, deviceId: string): Promise<Overrides> {
  const doc = await db.telemetryRules.get(deviceRulesId(deviceId));
  if (doc?.scope !== 'device') return {};
  const parsed = RuleOverrides.safeParse(doc.overrides);
  return parsed.success ? parsed.data : {};
}

/** The rules one device runs under. Cached per (estate, type) by the caller for many devices. */
export async function rulesForDevice(
  db: RulesDb,
  device: { _id: string; estateId: string; type: DeviceType },
  typeCache = new Map<string, Rule[]>(),
): Promise<Rule[]> {
  const key = `${device.estateId}/${device.type}`;
  let typeRules = typeCache.get(key);
  if (!typeRules) {
    typeRules = (await typeRulesOf(db, device.estateId, device.type)).rules;
    typeCache.set(key, typeRules);
  }
  return effectiveRules(typeRules, await overridesOf(db, device._id));
}
