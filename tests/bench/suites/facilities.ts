import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeviceType, keyId, type Recurrence } from '@linli/shared';
import { collections, ensureAllIndexes } from '@linli/cloudfunctions/src/_lib/collections';
import type { ActionContext } from '@linli/cloudfunctions/src/_lib/define-function';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import type { Store } from '@linli/cloudfunctions/src/_lib/store/port';
import { deviceCategory, deviceLocation } from '@linli/cloudfunctions/src/facilities/device-order';
import {
  facilityCollections,
  type DeviceDoc,
  type PlanDoc,
} from '@linli/cloudfunctions/src/facilities/documents';
import { generateMaintenance } from '@linli/cloudfunctions/src/facilities/generate-maintenance';
import { openWorkOrder } from '@linli/cloudfunctions/src/workorder/open-order';
import { routeOrder } from '@linli/cloudfunctions/src/workorder/route-order';
import { perSecond, timeMs, type Benchmark } from '../harness';

const ESTATE_ID = 'est_bench_fac';
const DEVICES = 5_000;
/** Tuesday 1 December 2026, 02:05 Shanghai: the trigger's first run of the day. */
const NOW = Date.parse('2026-11-30T18:05:00Z');

/** Mixed rules that all fall due on 2026-12-01, one plan per device type. */
const rules: Recurrence[] = [
  { kind: 'monthly', start: '2026-01-01' },
  { kind: 'quarterly', start: '2026-03-01' },
  { kind: 'semi_annual', start: '2026-06-01' },
  { kind: 'yearly', start: '2025-12-01' },
  { kind: 'every_n_days', start: '2026-11-03', days: 7 },
];

function context(store: Store): ActionContext {
  return {
    caller: { kind: 'trigger' },
    store,
    db: collections(store),
    requestId: 'req_bench_fac',
    now: () => NOW,
    log: createMemoryLogger(),
  };
}

async function freshStore(dir: string, name: string) {
  const store = createSqliteStore({ file: join(dir, `${name}.sqlite`) });
  await ensureAllIndexes(store);
  await store.collection('estates').insert({ _id: ESTATE_ID, name: '基准小区', address: '', code: 'BENCH' });
  const devices: DeviceDoc[] = Array.from({ length: DEVICES }, (_, i) => {
    const type = DeviceType.options[i % DeviceType.options.length]!;
    return {
      _id: keyId('dev', 'bench', i),
      estateId: ESTATE_ID,
      type,
      name: `设备${i}`,
      code: `B-${i}`,
      model: '',
      manufacturer: '',
      serialNo: '',
      location: { buildingId: null, floor: null, publicAreaId: null, label: `位置${i}` },
      purchaseDate: null,
      installDate: null,
      warrantyUntil: null,
      serviceLifeYears: null,
      purchaseCost: null,
      supplier: null,
      contractor: null,
      photos: [],
      documents: [],
      status: 'in_service',
      note: '',
      createdAt: i,
      updatedAt: i,
      version: 0,
    };
  });
  const { devices: ledger } = facilityCollections(store);
  for (let i = 0; i < devices.length; i += 500) await ledger.insertMany(devices.slice(i, i + 500));
  return { store, devices };
}

/**
 * The day's maintenance orders for 5,000 devices under mixed plans (monthly, quarterly,
 * semi-annual, yearly, every 7 days; one per device type), through the trigger's code path:
 * recurrence, the exactly-once claim, the order, its inspection. Baseline, same run: opening
 * the same 5,000 orders straight through the work-order context, with none of that bookkeeping.
 */
const dailyMaintenance: Benchmark = {
  name: 'facilities: day’s maintenance orders, 5,000 devices',
  unit: 'orders/s',
  higherIsBetter: true,
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'linli-bench-fac-'));
    try {
      const subject = await freshStore(dir, 'subject');
      const plans: PlanDoc[] = DeviceType.options.map((type, i) => ({
        _id: keyId('mplan', 'bench', type),
        estateId: ESTATE_ID,
        name: `${type} 保养`,
        target: { kind: 'type', deviceType: type },
        recurrence: rules[i % rules.length]!,
        checklist: [{ kind: 'check', key: 'ok', label: '运行正常' }],
        responsible: { kind: 'skill', skill: 'general' },
        leadDays: 0,
        active: true,
        generatedThrough: '2026-11-30',
        createdAt: 0,
        updatedAt: 0,
        version: 0,
      }));
      await facilityCollections(subject.store).plans.insertMany(plans);
      const ctx = context(subject.store);
      let created = 0;
      const ms = await timeMs(async () => {
        created = (await generateMaintenance(ctx)).created;
      });
      if (created !== DEVICES) throw new Error(`expected ${DEVICES} orders, got ${created}`);
      const rerunMs = await timeMs(async () => {
        const again = await generateMaintenance(ctx);
        if (again.created !== 0) throw new Error('a re-run opened orders');
      });
      await subject.store.close();

      const base = await freshStore(dir, 'baseline');
      const baseCtx = context(base.store);
      const baseMs = await timeMs(async () => {
        for (const device of base.devices) {
          const location = await deviceLocation(baseCtx, device);
          const order = await openWorkOrder(baseCtx, {
            estateId: ESTATE_ID,
            householdId: null,
            location,
            buildingId: null,
            category: deviceCategory(device),
            description: `【计划保养】${device.name}，计划完成日期 2026-12-01。`,
            photos: [],
            preferredTime: null,
            source: 'maintenance',
            reporter: { accountId: null, name: '维护计划', phone: null },
            priority: 'normal',
            actor: { kind: 'system', name: '维护计划' },
            dailyAccountId: null,
            duplicateScope: device._id,
          });
          await routeOrder(baseCtx, order);
        }
      });
      await base.store.close();
      return {
        value: perSecond(DEVICES, ms),
        baseline: perSecond(DEVICES, baseMs),
        notes: `${DEVICES} orders in ${(ms / 1000).toFixed(1)} s (plain opening ${(baseMs / 1000).toFixed(1)} s); re-run opens 0 in ${(rerunMs / 1000).toFixed(2)} s`,
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const facilitiesBenchmarks: Benchmark[] = [dailyMaintenance];
