import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeviceView, InspectionSummary, MaintenanceRunReport, PlanView } from '@linli/shared';
import { ensureAllIndexes } from '@linli/cloudfunctions/src/_lib/collections';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import type { Collection, Doc, Store } from '@linli/cloudfunctions/src/_lib/store/port';
import { facilityCollections } from '@linli/cloudfunctions/src/facilities/documents';
import { createRuntime } from '@linli/cloudfunctions/src/local/runtime';
import { seedDemoData } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { workorderCollections } from '@linli/cloudfunctions/src/workorder/documents';
import { ADMIN, ESTATE, LIFT_TECH } from '../helpers/workorders';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Sunday 29 November 2026, 09:00 in Shanghai. */
const START = Date.parse('2026-11-29T01:00:00Z');

/** A runtime over a SQLite file, so a "restart" is a new process view of the same database. */
function openRuntime(file: string, now: () => number, wrap: (store: Store) => Store = (s) => s) {
  const store = createSqliteStore({ file });
  const runtime = createRuntime({ store: wrap(store), log: createMemoryLogger(), now });
  const ok = async <T>(
    openid: string | null,
    fn: string,
    action: string,
    input: unknown = {},
  ): Promise<T> => {
    const envelope = await runtime.call(fn, action, input, openid ? { openid } : { trigger: true });
    if (!envelope.ok) throw new Error(`${fn}.${action}: ${envelope.error.code} ${envelope.error.message}`);
    return envelope.data as T;
  };
  return {
    store,
    runtime,
    ok,
    tick: () => ok<{ ran: Array<{ job: string; status: string }> }>(null, 'scheduler', 'tick'),
  };
}

/** A store whose maintenance_occurrences.update fails the first `times` calls: a crash mid-step. */
function crashingOccurrenceUpdates(times: number) {
  let left = times;
  return (store: Store): Store => ({
    ...store,
    transaction: store.transaction.bind(store),
    collection<T extends Doc>(name: string): Collection<T> {
      const collection = store.collection<T>(name);
      if (name !== 'maintenance_occurrences') return collection;
      return new Proxy(collection, {
        get(target, prop, receiver) {
          if (prop === 'update')
            return async (...args: Parameters<Collection<T>['update']>) => {
              if (left > 0) {
                left--;
                throw new Error('simulated crash');
              }
              return target.update(...args);
            };
          const value = Reflect.get(target, prop, receiver) as unknown;
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  });
}

const liftFields = {
  type: 'lift',
  name: '3号楼1单元电梯',
  code: 'LIFT-T-1',
  model: 'GeN2',
  manufacturer: '奥的斯',
  location: {
    buildingId: 'bld_est_linli_garden_3',
    floor: null,
    publicAreaId: 'lift',
    label: '3号楼1单元电梯井',
  },
  installDate: '2020-01-01',
  serviceLifeYears: 15,
};

describe('facilities: the maintenance trigger opens each occurrence exactly once', () => {
  let dir: string;
  let file: string;
  let now: number;
  const clock = () => now;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linli-fac-'));
    file = join(dir, 'linli.sqlite');
    now = START;
    const store = createSqliteStore({ file });
    await ensureAllIndexes(store);
    await seedDemoData(store, START);
    await store.close();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function maintenanceOrders(store: Store, deviceId: string) {
    const page = await workorderCollections(store).workorders.find({ where: { deviceId } }, { limit: 1000 });
    return page.items.filter((o) => o.source === 'maintenance');
  }

  it('creates today’s order once, catches up 3 missed days after a restart, and re-running creates nothing', async () => {
    let app = openRuntime(file, clock);
    const lift = await app.ok<DeviceView>(ADMIN, 'facilities', 'create', {
      estateId: ESTATE,
      device: liftFields,
    });
    const plan = await app.ok<PlanView>(ADMIN, 'facilities', 'savePlan', {
      estateId: ESTATE,
      plan: {
        name: '电梯日检',
        target: { kind: 'device', deviceId: lift.deviceId },
        recurrence: { kind: 'every_n_days', start: '2026-11-29', days: 1 },
        checklist: [{ kind: 'check', key: 'brake', label: '制动器动作可靠' }],
        responsible: { kind: 'skill', skill: 'lift' },
      },
    });
    expect(plan.nextDueDate).toBe('2026-11-29');

    await app.tick(); // the scheduler meets the job for the first time and starts its clock
    now += HOUR;
    const first = await app.tick();
    expect(first.ran.filter((r) => r.job === 'maintenance-orders').map((r) => r.status)).toEqual(['done']);
    let orders = await maintenanceOrders(app.store, lift.deviceId);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ source: 'maintenance', category: 'lift', deviceId: lift.deviceId });
    expect(orders[0]!.description).toContain('计划完成日期 2026-11-29');

    // The same hour again, and the on-demand button: nothing new.
    await app.tick();
    const again = await app.ok<MaintenanceRunReport>(ADMIN, 'facilities', 'runMaintenance', {
      estateId: ESTATE,
    });
    expect(again.created).toBe(0);
    expect(await maintenanceOrders(app.store, lift.deviceId)).toHaveLength(1);
    await app.store.close();

    // Down for three days; the first run after the restart opens each missed day once.
    now += 3 * DAY + HOUR;
    app = openRuntime(file, clock);
    await app.tick();
    orders = await maintenanceOrders(app.store, lift.deviceId);
    const dates = orders.map((o) => /计划完成日期 (\S+?)。/.exec(o.description)?.[1]).sort();
    expect(dates).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);

    await app.tick();
    now += 10 * 60_000;
    await app.tick();
    await app.ok(ADMIN, 'facilities', 'runMaintenance', { estateId: ESTATE });
    expect(await maintenanceOrders(app.store, lift.deviceId)).toHaveLength(4);

    const inspections = await app.ok<InspectionSummary[]>(ADMIN, 'facilities', 'inspections', {
      estateId: ESTATE,
      deviceId: lift.deviceId,
    });
    expect(inspections.map((i) => i.dueDate)).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    // Generated ids are valid action input: the technician can open the visit.
    const opened = await app.ok<{ planName: string; canFill: boolean }>(
      LIFT_TECH,
      'facilities',
      'inspection',
      {
        inspectionId: inspections[0]!.inspectionId,
      },
    );
    expect(opened).toMatchObject({ planName: '电梯日检', canFill: true });
    // Past due and still pending: flagged.
    expect(inspections.filter((i) => i.overdue).map((i) => i.stateLabel)).toEqual([
      '已逾期',
      '已逾期',
      '已逾期',
    ]);
    const { plans } = facilityCollections(app.store);
    expect((await plans.get(plan.planId))?.generatedThrough).toBe('2026-12-02');
    await app.store.close();
  });

  it('after a crash between opening the order and recording it, the takeover finds the order instead of opening another', async () => {
    const setup = openRuntime(file, clock);
    const lift = await setup.ok<DeviceView>(ADMIN, 'facilities', 'create', {
      estateId: ESTATE,
      device: liftFields,
    });
    await setup.ok(ADMIN, 'facilities', 'savePlan', {
      estateId: ESTATE,
      plan: {
        name: '电梯月检',
        target: { kind: 'type', deviceType: 'lift' },
        recurrence: { kind: 'monthly', start: '2026-11-29' },
        checklist: [{ kind: 'check', key: 'brake', label: '制动器动作可靠' }],
        responsible: { kind: 'skill', skill: 'lift' },
      },
    });
    await setup.store.close();

    const crashing = openRuntime(file, clock, crashingOccurrenceUpdates(1));
    await expect(crashing.ok(ADMIN, 'facilities', 'runMaintenance', { estateId: ESTATE })).rejects.toThrow();
    expect(await maintenanceOrders(crashing.store, lift.deviceId)).toHaveLength(1);

    // A run right after leaves the fresh claim alone (its owner may still be working).
    const early = await crashing.ok<MaintenanceRunReport>(ADMIN, 'facilities', 'runMaintenance', {
      estateId: ESTATE,
    });
    expect(early.created).toBe(0);
    expect((await facilityCollections(crashing.store).plans.find({})).items[0]?.generatedThrough).toBeNull();
    await crashing.store.close();

    now += 11 * 60_000;
    const app = openRuntime(file, clock);
    const resumed = await app.ok<MaintenanceRunReport>(ADMIN, 'facilities', 'runMaintenance', {
      estateId: ESTATE,
    });
    expect(resumed.created).toBe(1);
    const orders = await maintenanceOrders(app.store, lift.deviceId);
    expect(orders).toHaveLength(1);
    const claims = await facilityCollections(app.store).occurrences.find({
      where: { deviceId: lift.deviceId },
    });
    expect(claims.items).toHaveLength(1);
    expect(claims.items[0]?.orderId).toBe(orders[0]!._id);
    expect(claims.items[0]?.inspectionId).toMatch(/^insp_/);
    expect((await facilityCollections(app.store).plans.find({})).items[0]?.generatedThrough).toBe(
      '2026-11-29',
    );
    await app.store.close();
  });
});
