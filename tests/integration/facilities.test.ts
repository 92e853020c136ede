import type {
  DeviceLabel,
  DeviceListView,
  DeviceView,
  InspectionView,
  LifecycleReport,
  PlanView,
  ScanResult,
} from '@linli/shared';
import { labelPayload } from '@linli/shared';
import { seedDemoFacilities } from '@linli/cloudfunctions/src/local/seed/demo-facilities';
import { facilityCollections } from '@linli/cloudfunctions/src/facilities/documents';
import { workorderCollections } from '@linli/cloudfunctions/src/workorder/documents';
import { testClock } from '../helpers/messaging';
import { createTestRuntime, snapshotStore, type TestRuntime } from '../helpers/test-runtime';
import { ADMIN, ESTATE, FINANCE, LIFT_TECH, OTHER_ESTATE_ADMIN, OWNER, SERVICE } from '../helpers/workorders';

const NOW = Date.parse('2026-11-29T02:00:00Z');
const LIFT_2_1 = 'dev_LIFT-2-1';

const gateFields = {
  type: 'access_gate',
  name: '西门道闸',
  code: 'gate-09',
  location: { buildingId: null, floor: 1, publicAreaId: 'gate', label: '小区西门' },
  warrantyUntil: '2027-01-31',
  purchaseCost: 1_800_000,
};

describe('facilities: ledger, labels, scan, inspections and lifecycle', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    const clock = testClock(NOW);
    t = await createTestRuntime({ now: clock.now });
    await seedDemoFacilities(t.store, NOW);
  });
  afterEach(() => t.close());

  it('admin registers a device; codes are unique per estate and upper-cased', async () => {
    const created = await t.ok<DeviceView>(ADMIN, 'facilities', 'create', {
      estateId: ESTATE,
      device: gateFields,
    });
    expect(created).toMatchObject({
      code: 'GATE-09',
      typeLabel: '门禁道闸',
      statusLabel: '在用',
      warrantyState: 'expiring',
    });
    expect(created.deviceId).toMatch(/^dev_/);
    expect(await t.errorCode(ADMIN, 'facilities', 'create', { estateId: ESTATE, device: gateFields })).toBe(
      'DUPLICATE',
    );

    const list = await t.ok<DeviceListView>(SERVICE, 'facilities', 'list', {
      estateId: ESTATE,
      type: 'access_gate',
    });
    expect(list.items.map((d) => d.code)).toEqual(['GATE-01', 'GATE-02', 'GATE-03', 'GATE-09']);
    const search = await t.ok<DeviceListView>(SERVICE, 'facilities', 'list', { estateId: ESTATE, q: '西门' });
    expect(search.items.map((d) => d.code)).toEqual(['GATE-09']);

    // Renaming the code frees the old one; a stale version is refused.
    const updated = await t.ok<DeviceView>(ADMIN, 'facilities', 'update', {
      deviceId: created.deviceId,
      version: 0,
      device: { ...gateFields, code: 'GATE-10' },
    });
    expect(updated.code).toBe('GATE-10');
    expect(
      await t.errorCode(ADMIN, 'facilities', 'update', {
        deviceId: created.deviceId,
        version: 0,
        device: gateFields,
      }),
    ).toBe('CONFLICT');
    await t.ok(ADMIN, 'facilities', 'create', { estateId: ESTATE, device: gateFields });
  });

  it('refuses the wrong role and the wrong estate, writing nothing', async () => {
    const before = await snapshotStore(t.store);
    expect(await t.errorCode(FINANCE, 'facilities', 'create', { estateId: ESTATE, device: gateFields })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode(LIFT_TECH, 'facilities', 'savePlan', { estateId: ESTATE, plan: {} })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode(OWNER, 'facilities', 'list', { estateId: ESTATE })).toBe('FORBIDDEN');
    expect(await t.errorCode(OTHER_ESTATE_ADMIN, 'facilities', 'detail', { deviceId: LIFT_2_1 })).toBe(
      'FORBIDDEN',
    );
    expect(
      await t.errorCode(OTHER_ESTATE_ADMIN, 'facilities', 'create', { estateId: ESTATE, device: gateFields }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode(OTHER_ESTATE_ADMIN, 'facilities', 'startInspection', { deviceId: LIFT_2_1 }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode(ADMIN, 'facilities', 'create', {
        estateId: ESTATE,
        device: { ...gateFields, location: { ...gateFields.location, buildingId: 'bld_est_maple_court_1' } },
      }),
    ).toBe('VALIDATION');
    expect(await snapshotStore(t.store)).toEqual(before);
  });

  it('a scanned label opens the device for staff and a prefilled repair form for owners of the estate', async () => {
    const payload = labelPayload(ESTATE, 'LIFT-2-1');
    expect(await t.ok<ScanResult>(LIFT_TECH, 'facilities', 'scan', { text: payload })).toEqual({
      kind: 'device',
      deviceId: LIFT_2_1,
      estateId: ESTATE,
      name: '2号楼1单元电梯',
    });
    const owner = await t.ok<ScanResult>(OWNER, 'facilities', 'scan', { text: payload });
    expect(owner).toMatchObject({
      kind: 'report',
      deviceId: LIFT_2_1,
      prefill: { category: 'lift', area: 'lift', buildingId: 'bld_est_linli_garden_2', deviceId: LIFT_2_1 },
    });
    // A hand-typed code resolves in the caller's own estates.
    expect((await t.ok<ScanResult>(SERVICE, 'facilities', 'scan', { text: 'lift-2-1' })).deviceId).toBe(
      LIFT_2_1,
    );
    // Not a public-area device, another estate's owner, not a label at all.
    expect(await t.errorCode(OWNER, 'facilities', 'scan', { text: labelPayload(ESTATE, 'HVAC-01') })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode('demo-owner-3', 'facilities', 'scan', { text: payload })).toBe('FORBIDDEN');
    expect(await t.errorCode(OWNER, 'facilities', 'scan', { text: 'https://example.com' })).toBe('NOT_FOUND');
    expect(await t.errorCode(OWNER, 'facilities', 'scan', { text: labelPayload(ESTATE, 'NOPE-1') })).toBe(
      'NOT_FOUND',
    );
  });

  it('prints QR labels as SVG data URLs encoding the label payload', async () => {
    const labels = await t.ok<DeviceLabel[]>(SERVICE, 'facilities', 'labels', {
      estateId: ESTATE,
      deviceIds: [LIFT_2_1],
    });
    expect(labels).toHaveLength(1);
    expect(labels[0]).toMatchObject({ code: 'LIFT-2-1', payload: 'linli:dev:est_linli_garden:LIFT-2-1' });
    const svg = Buffer.from(
      labels[0]!.qrDataUrl.replace('data:image/svg+xml;base64,', ''),
      'base64',
    ).toString();
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    const all = await t.ok<DeviceLabel[]>(ADMIN, 'facilities', 'labels', { estateId: ESTATE });
    expect(all.length).toBe(25);
    expect(
      await t.errorCode(ADMIN, 'facilities', 'labels', {
        estateId: 'est_maple_court',
        deviceIds: [LIFT_2_1],
      }),
    ).toBe('NOT_FOUND');
  });

  it('a failed inspection opens exactly one repair order, even when two technicians submit at once', async () => {
    const started = await t.ok<InspectionView>(LIFT_TECH, 'facilities', 'startInspection', {
      deviceId: LIFT_2_1,
    });
    expect(started.items.map((i) => i.item.key)).toEqual([
      'door_lock',
      'brake',
      'emergency_call',
      'leveling',
      'lighting',
    ]);
    expect(started.canFill).toBe(true);
    const results = [
      { key: 'door_lock', passed: true },
      { key: 'brake', passed: false, note: '制动间隙过大', photos: ['local://uploads/brake.jpg'] },
      { key: 'emergency_call', passed: true },
      { key: 'leveling', value: 14 },
      { key: 'lighting', passed: true },
    ];
    // Missing items are refused and nothing changes.
    expect(
      await t.errorCode(LIFT_TECH, 'facilities', 'submitInspection', {
        inspectionId: started.inspectionId,
        version: 0,
        results: results.slice(0, 2),
      }),
    ).toBe('VALIDATION');
    expect(
      await t.errorCode(SERVICE, 'facilities', 'submitInspection', {
        inspectionId: started.inspectionId,
        version: 0,
        results,
      }),
    ).toBe('FORBIDDEN');

    const submit = () =>
      t.call(LIFT_TECH, 'facilities', 'submitInspection', {
        inspectionId: started.inspectionId,
        version: 0,
        results,
      });
    const [a, b] = await Promise.all([submit(), submit()]);
    const winners = [a, b].filter((e) => e.ok);
    expect(winners).toHaveLength(1);
    const losers = [a, b].filter((e) => !e.ok).map((e) => (e.ok ? '' : e.error.code));
    expect(['CONFLICT', 'PRECONDITION_FAILED']).toContain(losers[0]);

    const done = winners[0]!.ok ? (winners[0]!.data as InspectionView) : null;
    expect(done).toMatchObject({ state: 'done', outcome: 'failed', stateLabel: '不合格' });
    expect(done!.items.find((i) => i.item.key === 'leveling')?.reason).toBe('读数 14 mm 高于上限 10 mm');
    expect(done!.repairOrderNo).toMatch(/^BX/);

    const orders = (await workorderCollections(t.store).workorders.find({ where: { deviceId: LIFT_2_1 } }))
      .items;
    const repairs = orders.filter((o) => o.description.includes('发现不合格项'));
    expect(repairs).toHaveLength(1);
    expect(repairs[0]).toMatchObject({
      category: 'lift',
      source: 'maintenance',
      photos: ['local://uploads/brake.jpg'],
    });
    expect(repairs[0]!.description).toContain('制动器动作可靠：制动间隙过大');

    expect(
      await t.errorCode(LIFT_TECH, 'facilities', 'submitInspection', {
        inspectionId: started.inspectionId,
        version: 1,
        results,
      }),
    ).toBe('PRECONDITION_FAILED');

    const device = await t.ok<DeviceView>(SERVICE, 'facilities', 'detail', { deviceId: LIFT_2_1 });
    expect(device.history[0]).toMatchObject({ kind: 'inspection', stateLabel: '不合格' });
    expect(device.history.some((h) => h.kind === 'work_order' && h.refId === repairs[0]!._id)).toBe(true);
    // The repair it opened is a failure of the device (planned maintenance orders are not).
    expect(device.lifecycle.failures).toBe(4);
  });

  it('a failed inspection whose repair order was interrupted gets it on the next maintenance run, once', async () => {
    const started = await t.ok<InspectionView>(LIFT_TECH, 'facilities', 'startInspection', {
      deviceId: LIFT_2_1,
    });
    // As a crash right after the submit's claim leaves it: done, failed, no repair order yet.
    await facilityCollections(t.store).inspections.update(started.inspectionId, {
      set: {
        state: 'done',
        outcome: 'failed',
        failedKeys: ['brake'],
        results: [{ key: 'brake', passed: false, value: null, note: '制动间隙过大', photos: [] }],
        doneAt: NOW - 60 * 60_000,
        doneByName: '李师傅',
        version: 1,
      },
    });
    await t.ok(ADMIN, 'facilities', 'runMaintenance', { estateId: ESTATE });
    await t.ok(ADMIN, 'facilities', 'runMaintenance', { estateId: ESTATE });
    const view = await t.ok<InspectionView>(SERVICE, 'facilities', 'inspection', {
      inspectionId: started.inspectionId,
    });
    expect(view.repairOrderNo).toMatch(/^BX/);
    const orders = (await workorderCollections(t.store).workorders.find({ where: { deviceId: LIFT_2_1 } }))
      .items;
    expect(orders.filter((o) => o.description.includes('发现不合格项'))).toHaveLength(1);
  });

  it('analyses failures, repair cost, MTBF and plans renewals from the demo history', async () => {
    const report = await t.ok<LifecycleReport>(FINANCE, 'facilities', 'lifecycle', { estateId: ESTATE });
    expect(report.totals.devices).toBe(25);
    const lift = report.byFailures[0]!;
    expect(lift).toMatchObject({ code: 'LIFT-2-1' });
    expect(lift.lifecycle).toMatchObject({ failures: 3, failuresLastYear: 3, repairCost: 2_770_000 });
    expect(lift.lifecycle.mtbfDays).toBeGreaterThan(1000);
    const plan = report.replacementPlan.map((r) => [
      r.code,
      r.lifecycle.replaceInYear,
      r.lifecycle.reasonLabels,
    ]);
    expect(plan).toContainEqual(['LIFT-2-1', 2027, ['近一年故障 3 次及以上']]);
    expect(plan).toContainEqual(['LIFT-1-1', 2027, ['临近设计使用年限']]);
    expect(report.nearEndOfLife.map((r) => r.code)).toEqual(
      expect.arrayContaining(['TR-01', 'TR-02', 'LIFT-1-1']),
    );
    expect(await t.errorCode(LIFT_TECH, 'facilities', 'lifecycle', { estateId: ESTATE })).toBe('FORBIDDEN');
  });

  it('lists plans with their next due date and exports the ledger', async () => {
    const plans = await t.ok<PlanView[]>(SERVICE, 'facilities', 'plans', {
      estateId: ESTATE,
      deviceId: LIFT_2_1,
    });
    expect(plans.map((p) => [p.name, p.recurrenceLabel, p.deviceCount])).toEqual([
      ['电梯月度检查', '每月 5 日（自 2025-01-05）', 6],
      ['电梯半年全面保养', '每半年（自 2025-03-20）', 6],
    ]);
    expect(plans[0]!.nextDueDate).toBe('2026-12-05');

    const csv = await t.ok<{ filename: string; content: string }>(FINANCE, 'facilities', 'exportLedger', {
      estateId: ESTATE,
      format: 'csv',
    });
    expect(csv.filename).toBe('邻里花园设备台账-2026-11-29.csv');
    const lines = csv.content.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines).toHaveLength(26);
    expect(lines[0]).toMatch(/^设备编码,设备名称,类型/);
    expect(lines.find((l) => l.startsWith('LIFT-2-1'))).toContain('奥的斯');
    const xlsx = await t.ok<{ content: string }>(ADMIN, 'facilities', 'exportLedger', {
      estateId: ESTATE,
      format: 'xlsx',
    });
    expect(Buffer.from(xlsx.content, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
