import { keyId, type FeeItemView, type FeeStandardView, type RunPreview } from '@linli/shared';
import { accountIdFor } from '@linli/cloudfunctions/src/_lib/identity';
import { OTHER_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { allDocs, billingRuntime, commitAll, ESTATE, PERIOD } from '../helpers/billing';
import { snapshotStore, type TestRuntime } from '../helpers/test-runtime';

/** A finance clerk of 枫林苑 only. */
async function addMapleFinance(t: TestRuntime): Promise<string> {
  await t.store.collection('accounts').insert({
    _id: accountIdFor('maple-finance'),
    openid: 'maple-finance',
    displayName: '周会计',
    personId: null,
    staff: { roles: ['finance'], estateIds: [OTHER_ESTATE_ID], skills: [] },
    createdAt: 0,
  });
  return 'maple-finance';
}

describe('bill runs: preview, commit in chunks, re-run', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await billingRuntime();
  });
  afterEach(() => t.close());

  it('previews without writing, then commits exactly what the preview showed, chunk by chunk', async () => {
    const before = await snapshotStore(t.store);
    const preview = await t.ok<RunPreview>('demo-finance', 'billing', 'run.preview', {
      estateId: ESTATE,
      period: PERIOD,
    });
    expect(await snapshotStore(t.store)).toEqual(before);
    expect(preview).toMatchObject({ households: 600, alreadyIssued: 0, heldReadings: 1, missingReadings: 0 });
    expect(preview.newBills).toBe(preview.bills);
    expect(preview.byItem.map((i) => i.itemCode).sort()).toEqual(['garbage', 'parking', 'property', 'water']);
    expect(preview.samples[0]!.bills[0]!.lines[0]!.formula).toMatch(/= ¥[\d,]+\.\d\d$/);

    const steps = await commitAll(t, { chunkSize: 200 });
    expect(steps.map((s) => s.chunk.households)).toEqual([200, 200, 200]);
    const run = steps[steps.length - 1]!.run;
    expect(run).toMatchObject({
      status: 'done',
      householdsTotal: 600,
      householdsDone: 600,
      progressPercent: 100,
      bills: preview.bills,
      lines: preview.lines,
      amountFen: preview.amountFen,
      heldReadings: 1,
      startedByName: '李会计',
    });
    expect(steps.reduce((sum, s) => sum + s.chunk.billsCreated, 0)).toBe(preview.bills);
    expect(await t.store.collection('bills').count({ where: { period: PERIOD } })).toBe(preview.bills);
  });

  it('creates nothing when run again, whether committed again or rescanned', async () => {
    await commitAll(t);
    const bills = await allDocs(t, 'bills');
    const again = await commitAll(t);
    expect(again).toHaveLength(1);
    expect(again[0]!.chunk.billsCreated).toBe(0);
    const rescan = await commitAll(t, { rescan: true, chunkSize: 250 });
    expect(rescan.reduce((sum, s) => sum + s.chunk.linesCreated, 0)).toBe(0);
    expect(rescan[rescan.length - 1]!.run).toMatchObject({ pass: 2, status: 'done', householdsDone: 600 });
    expect(await allDocs(t, 'bills')).toEqual(bills);
    const preview = await t.ok<RunPreview>('demo-finance', 'billing', 'run.preview', {
      estateId: ESTATE,
      period: PERIOD,
    });
    expect(preview.newBills).toBe(0);
    expect(preview.alreadyIssued).toBe(preview.bills);
  });

  it('reports progress and recent runs', async () => {
    await t.ok('demo-finance', 'billing', 'run.commit', { estateId: ESTATE, period: PERIOD, chunkSize: 150 });
    const status = await t.ok<{
      run: { householdsDone: number; progressPercent: number; status: string };
      recent: Array<{ period: string }>;
    }>('demo-admin', 'billing', 'run.status', { estateId: ESTATE, period: PERIOD });
    expect(status.run).toMatchObject({ householdsDone: 150, progressPercent: 25, status: 'running' });
    expect(status.recent.map((r) => r.period)).toEqual(['2026-07', '2026-06', '2026-05']);
  });

  it('refuses runs to technicians, owners, service staff and finance of another estate', async () => {
    const input = { estateId: ESTATE, period: PERIOD };
    expect(await t.errorCode('demo-tech-lift', 'billing', 'run.commit', input)).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-owner-1', 'billing', 'run.commit', input)).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-service', 'billing', 'run.preview', input)).toBe('FORBIDDEN');
    const maple = await addMapleFinance(t);
    expect(await t.errorCode(maple, 'billing', 'run.commit', input)).toBe('FORBIDDEN');
    expect(await t.errorCode(maple, 'billing', 'run.preview', input)).toBe('FORBIDDEN');
    expect(await t.store.collection('bills').count({ where: { period: PERIOD } })).toBe(0);
  });

  it('refuses a period too far ahead and an unknown estate', async () => {
    expect(
      await t.errorCode('demo-finance', 'billing', 'run.commit', { estateId: ESTATE, period: '2026-09' }),
    ).toBe('VALIDATION');
    expect(
      await t.errorCode('demo-admin', 'billing', 'run.preview', { estateId: 'est_nowhere', period: PERIOD }),
    ).toBe('FORBIDDEN');
  });
});

describe('fee standards: versions from their effective date', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await billingRuntime();
  });
  afterEach(() => t.close());

  const raise = {
    kind: 'area',
    itemCode: 'property',
    name: '物业费',
    effectiveFrom: '2026-08-01',
    areaBasis: 'building',
    unitPrice: '2.50',
    vacantRatePercent: 50,
  };

  it('applies a price change mid-year from its date, never to bills already issued', async () => {
    await commitAll(t);
    const july = keyId('bill', keyId('hh', ESTATE, '1-1-1201'), PERIOD, 'property');
    const before = await t.store.collection('bills').get(july);
    const saved = await t.ok<FeeStandardView>('demo-finance', 'billing', 'standards.save', {
      estateId: ESTATE,
      rule: raise,
    });
    expect(saved).toMatchObject({ effectiveFrom: '2026-08-01', createdByName: '李会计' });
    expect(saved.description).toContain('¥2.50/m²·月 × 建筑面积');

    const list = await t.ok<{ items: FeeItemView[] }>('demo-service', 'billing', 'standards.list', {});
    const property = list.items.find((i) => i.itemCode === 'property')!;
    expect(property.current?.rule).toMatchObject({ unitPrice: '2.35' });
    expect(property.upcoming.map((v) => v.effectiveFrom)).toEqual(['2026-08-01']);
    expect(property.versions).toHaveLength(2);

    expect(await t.store.collection('bills').get(july)).toEqual(before);
    await commitAll(t, { rescan: true });
    expect(await t.store.collection('bills').get(july)).toEqual(before);
    const august = await t.ok<RunPreview>('demo-finance', 'billing', 'run.preview', {
      estateId: ESTATE,
      period: '2026-08',
    });
    const lines = august.samples
      .flatMap((s) => s.bills)
      .filter((b) => b.itemCode === 'property')
      .flatMap((b) => b.lines);
    expect(lines.every((l) => l.formula.includes('¥2.50/m²·月'))).toBe(true);
  });

  it('refuses a second version on the same date and a change of kind', async () => {
    await t.ok('demo-finance', 'billing', 'standards.save', { estateId: ESTATE, rule: raise });
    expect(
      await t.errorCode('demo-finance', 'billing', 'standards.save', { estateId: ESTATE, rule: raise }),
    ).toBe('DUPLICATE');
    const asFixed = {
      kind: 'fixed',
      itemCode: 'property',
      name: '物业费',
      effectiveFrom: '2026-09-01',
      basis: 'household',
      amountFen: 20000,
    };
    const envelope = await t.call('demo-admin', 'billing', 'standards.save', {
      estateId: ESTATE,
      rule: asFixed,
    });
    expect(envelope).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('不能改为固定月费') as unknown },
    });
  });

  it('lets only finance and admin of the estate change standards', async () => {
    expect(
      await t.errorCode('demo-service', 'billing', 'standards.save', { estateId: ESTATE, rule: raise }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-admin-maple', 'billing', 'standards.save', { estateId: ESTATE, rule: raise }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-finance', 'billing', 'standards.save', {
        estateId: ESTATE,
        rule: { ...raise, extra: 1 },
      }),
    ).toBe('VALIDATION');
  });
});
