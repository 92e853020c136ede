import { keyId, meterReadingId, type MeterReadingView, type RunPreview } from '@linli/shared';
import { billingRuntime, commitAll, ESTATE, PERIOD } from '../helpers/billing';
import type { TestRuntime } from '../helpers/test-runtime';

const HOME = keyId('hh', ESTATE, '3-1-0501');
const OUTLIER_HOME = keyId('hh', ESTATE, '2-1-0802');
const record = (t: TestRuntime, openid: string, input: Record<string, unknown>) =>
  t.call(openid, 'billing', 'readings.record', { householdId: HOME, meter: 'water', ...input });

describe('meter readings', () => {
  let t: TestRuntime;
  let june: MeterReadingView;
  beforeEach(async () => {
    t = await billingRuntime();
    june = (await t.store
      .collection('meter_readings')
      .get(meterReadingId(HOME, 'water', '2026-06'))) as unknown as MeterReadingView;
  });
  afterEach(() => t.close());

  it('records a reading against the previous one and computes the consumption', async () => {
    const next = (Number(june.reading) + 12.3).toFixed(1);
    const view = await t.ok<MeterReadingView>('demo-tech-plumbing', 'billing', 'readings.record', {
      householdId: HOME,
      meter: 'water',
      period: PERIOD,
      reading: next,
    });
    expect(view).toMatchObject({
      previousReading: june.reading,
      consumption: '12.3',
      status: 'approved',
      statusLabel: '已确认',
      recordedByName: '赵师傅',
      readOn: '2026-07-10',
    });
  });

  it('refuses a reading that goes backwards unless a meter replacement is recorded', async () => {
    const lower = (Number(june.reading) - 5).toFixed(1);
    const refused = await record(t, 'demo-tech-plumbing', { period: PERIOD, reading: lower });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('小于上次读数') as unknown },
    });
    const replaced = await t.ok<MeterReadingView>('demo-tech-plumbing', 'billing', 'readings.record', {
      householdId: HOME,
      meter: 'water',
      period: PERIOD,
      reading: '6.5',
      replacement: { oldFinal: (Number(june.reading) + 4).toFixed(1), newInitial: '0' },
    });
    expect(replaced).toMatchObject({ consumption: '10.5', status: 'approved' });
  });

  it('refuses a duplicate submission and a reading earlier than one already recorded', async () => {
    const input = { period: PERIOD, reading: (Number(june.reading) + 10).toFixed(1) };
    expect((await record(t, 'demo-tech-plumbing', input)).ok).toBe(true);
    expect(await record(t, 'demo-tech-plumbing', input)).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE' },
    });
    expect(await record(t, 'demo-service', { period: '2026-06', reading: '1' })).toMatchObject({
      ok: false,
      error: { code: 'DUPLICATE' },
    });
    await t.store.collection('meter_readings').remove(meterReadingId(HOME, 'water', '2026-06'));
    expect(await record(t, 'demo-tech-plumbing', { period: '2026-06', reading: '1' })).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED' },
    });
  });

  it('is for staff of the estate only', async () => {
    const input = { period: PERIOD, reading: '99999' };
    expect(await record(t, 'demo-owner-1', input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await record(t, 'demo-admin-maple', input)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await record(t, 'demo-tech-plumbing', { period: PERIOD, reading: '-1' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await record(t, 'demo-tech-plumbing', { period: '2026-08', reading: '99999' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '不能录入以后月份的读数' },
    });
  });

  it("lists one household's readings newest first, for the reading form's previous figure", async () => {
    const list = await t.ok<{ items: MeterReadingView[] }>('demo-tech-plumbing', 'billing', 'readings.list', {
      householdId: HOME,
      meter: 'water',
    });
    expect(list.items.map((r) => r.period)).toEqual(['2026-06', '2026-05', '2026-04']);
    expect(list.items[0]).toMatchObject({ reading: june.reading, householdId: HOME });
    expect(await t.errorCode('demo-admin-maple', 'billing', 'readings.list', { householdId: HOME })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode('demo-tech-plumbing', 'billing', 'readings.list', { meter: 'water' })).toBe(
      'VALIDATION',
    );
    expect(
      await t.errorCode('demo-tech-plumbing', 'billing', 'readings.list', {
        householdId: keyId('hh', ESTATE, '9-9-9999'),
      }),
    ).toBe('NOT_FOUND');
  });

  it('holds an outlier out of billing until it is approved, then a rescan bills it', async () => {
    const held = await t.ok<{ items: MeterReadingView[] }>('demo-finance', 'billing', 'readings.list', {
      estateId: ESTATE,
      period: '2026-06',
      status: 'pending_review',
    });
    expect(held.items).toEqual([
      expect.objectContaining({
        householdId: OUTLIER_HOME,
        consumption: '95',
        flag: '用量 95 超过近 1 期平均 15 的 3 倍，请复核',
      }),
    ]);

    const steps = await commitAll(t);
    expect(steps[steps.length - 1]!.run.heldReadings).toBe(1);
    const water = keyId('bill', OUTLIER_HOME, PERIOD, 'water');
    expect(await t.store.collection('bills').get(water)).toBeNull();

    expect(
      await t.errorCode('demo-tech-plumbing', 'billing', 'readings.approve', {
        readingId: held.items[0]!.readingId,
        decision: 'approve',
      }),
    ).toBe('FORBIDDEN');
    const approved = await t.ok<MeterReadingView>('demo-finance', 'billing', 'readings.approve', {
      readingId: held.items[0]!.readingId,
      decision: 'approve',
      note: '核实：水管爆裂',
    });
    expect(approved).toMatchObject({ status: 'approved', reviewNote: '核实：水管爆裂' });
    expect(
      await t.errorCode('demo-finance', 'billing', 'readings.approve', {
        readingId: approved.readingId,
        decision: 'approve',
      }),
    ).toBe('PRECONDITION_FAILED');

    const preview = await t.ok<RunPreview>('demo-finance', 'billing', 'run.preview', {
      estateId: ESTATE,
      period: PERIOD,
    });
    expect(preview).toMatchObject({ newBills: 1, heldReadings: 0 });
    const rescan = await commitAll(t, { rescan: true });
    expect(rescan.reduce((sum, s) => sum + s.chunk.billsCreated, 0)).toBe(1);
    expect(await t.store.collection('bills').get(water)).toMatchObject({ amountFen: 7000 + 4800 + 39650 });
  });
});
