import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import {
  keyId,
  type LifecycleReport,
  type PaymentHabitsView,
  type RepairFrequencyView,
  type SheetExport,
} from '@linli/shared';
import { collections } from '@linli/cloudfunctions/src/_lib/collections';
import { runDunning } from '@linli/cloudfunctions/src/billing/dunning/run-dunning';
import { seedDemoAnalytics } from '@linli/cloudfunctions/src/local/seed/demo-analytics';
import { seedDemoBilling } from '@linli/cloudfunctions/src/local/seed/demo-billing';
import { DEMO_ESTATE_ID, OTHER_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { seedDemoFacilities } from '@linli/cloudfunctions/src/local/seed/demo-facilities';
import { seedDemoWorkorders } from '@linli/cloudfunctions/src/local/seed/demo-workorders';
import { createTestRuntime, snapshotStore, type TestRuntime } from '../helpers/test-runtime';

/** 29 November 2026, 10:00 in Shanghai. */
const NOW = Date.parse('2026-11-29T02:00:00Z');
const ESTATE = DEMO_ESTATE_ID;
const FINANCE = 'demo-finance';
const ADMIN = 'demo-admin';
const MAPLE_ADMIN = 'demo-admin-maple';

async function analyticsRuntime(): Promise<TestRuntime> {
  const t = await createTestRuntime({ now: () => NOW });
  await seedDemoBilling(t.store, NOW);
  await seedDemoWorkorders(t.store, NOW);
  await seedDemoFacilities(t.store, NOW);
  expect(await seedDemoAnalytics(t.store, NOW)).toBe(true);
  expect(await seedDemoAnalytics(t.store, NOW)).toBe(false);
  return t;
}

const csvRows = (sheet: SheetExport): string[][] =>
  Papa.parse<string[]>(sheet.content.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

async function xlsxRows(sheet: SheetExport): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(sheet.content, 'base64') as unknown as ExcelJS.Buffer);
  return workbook.worksheets[0]!;
}

describe('缴费习惯 payment habits and dunning strategies', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await analyticsRuntime();
  });
  afterAll(() => t.close());

  it('segments every household of the estate, with thresholds, averages and the reminders’ effect', async () => {
    const view = await t.ok<PaymentHabitsView>(FINANCE, 'analytics', 'habits.segments', { estateId: ESTATE });
    expect(view.asOf).toBe('2026-11-29');
    expect(view.periodFrom).toBe('2025-12');
    const households = await t.store.collection('households').count({ where: { estateId: ESTATE } });
    expect(view.segments.reduce((n, s) => n + s.households, 0)).toBe(households);
    const by = Object.fromEntries(view.segments.map((s) => [s.segment, s]));
    for (const segment of ['early', 'on_time', 'slightly_late', 'chronic'] as const)
      expect(by[segment]!.households).toBeGreaterThan(0);
    expect(by.early!.averageDaysLate).toBeLessThanOrEqual(-3);
    expect(by.chronic!.averageDaysLate).toBeGreaterThan(30);
    expect(by.chronic!.rule).toContain('60 天');
    // Slightly late payers pay sooner once reminded: the demo history shows the lift.
    const lift = by.slightly_late!.effect;
    expect(lift.reminded.denominator).toBeGreaterThan(0);
    expect(lift.notReminded.denominator).toBeGreaterThan(0);
    expect(lift.reminded.numerator / lift.reminded.denominator).toBeGreaterThan(
      lift.notReminded.numerator / lift.notReminded.denominator,
    );
    expect(by.chronic!.strategy).toMatchObject({ offsets: [-7, 0, 7, 30], callOffsets: [7, 30] });
    expect(by.early!.strategy.description).toBe('到期当天提醒');
    expect(view.households).toEqual([]);
    expect(view.estateSchedule.description).toBe('到期前 3 天、到期当天、逾期 7 天、逾期 30 天提醒');
  });

  it('lists one segment’s households, latest payers first', async () => {
    const view = await t.ok<PaymentHabitsView>(FINANCE, 'analytics', 'habits.segments', {
      estateId: ESTATE,
      segment: 'chronic',
    });
    expect(view.households.length).toBe(view.segments.find((s) => s.segment === 'chronic')!.households);
    expect(view.households.every((h) => h.segment === 'chronic' && h.label === '长期拖欠')).toBe(true);
    const medians = view.households.map((h) => h.medianDaysLate!);
    expect(medians).toEqual([...medians].sort((a, b) => b - a));
  });

  it('refuses other roles and other estates', async () => {
    expect(await t.errorCode('demo-service', 'analytics', 'habits.segments', { estateId: ESTATE })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode(MAPLE_ADMIN, 'analytics', 'habits.segments', { estateId: ESTATE })).toBe(
      'FORBIDDEN',
    );
    const before = await snapshotStore(t.store);
    expect(
      await t.errorCode(MAPLE_ADMIN, 'analytics', 'habits.apply', { estateId: ESTATE, segment: 'chronic' }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode(FINANCE, 'analytics', 'habits.apply', { estateId: ESTATE, segment: 'new' }),
    ).toBe('PRECONDITION_FAILED');
    expect(await snapshotStore(t.store)).toEqual(before);
  });
});

describe('applying a strategy changes what the dunning job does', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await analyticsRuntime();
  });
  afterEach(() => t.close());

  const deps = () => ({ db: collections(t.store), store: t.store, now: () => NOW });

  it('reminds chronic payers 7 days ahead and phones them at 7 days overdue; early payers only on the due day; audited', async () => {
    const chronic = await t.ok<PaymentHabitsView>(FINANCE, 'analytics', 'habits.apply', {
      estateId: ESTATE,
      segment: 'chronic',
    });
    const applied = chronic.segments.find((s) => s.segment === 'chronic')!.applied!;
    expect(applied).toMatchObject({ offsets: [-7, 0, 7, 30], callOffsets: [7, 30], appliedByName: '李会计' });
    const chronicIds = new Set(chronic.households.map((h) => h.householdId));
    expect(applied.households).toBe(chronicIds.size);
    await t.ok(FINANCE, 'analytics', 'habits.apply', { estateId: ESTATE, segment: 'early' });
    const earlyPlan = await t.store.collection('dunning_segments').get(keyId('dseg', ESTATE, 'early'));
    const earlyIds = new Set(earlyPlan!['householdIds'] as string[]);
    expect(earlyIds.size).toBe(chronic.segments.find((s) => s.segment === 'early')!.households);

    const audit = await t.store
      .collection('audit_log')
      .find({ where: { collection: 'dunning_segments' } }, { limit: 10 });
    expect(audit.items.map((e) => [e['action'], e['docId']])).toEqual(
      expect.arrayContaining([
        ['analytics.habits.apply', keyId('dseg', ESTATE, 'chronic')],
        ['analytics.habits.apply', keyId('dseg', ESTATE, 'early')],
      ]),
    );

    // October's bills are due 15 October; chronic payers still owe them (and maybe the demo homes).
    const open = await t.store
      .collection('bills')
      .find(
        { where: { estateId: ESTATE, dueDate: '2026-10-15', status: { in: ['unpaid', 'partial'] } } },
        { limit: 1000 },
      );
    const owing = new Set(open.items.map((b) => b['householdId'] as string));
    expect([...chronicIds].every((id) => owing.has(id))).toBe(true);
    await runDunning(deps(), '2026-10-08');
    const before7 = await t.store
      .collection('dunning_attempts')
      .find({ where: { step: 'before7', dueDate: '2026-10-15' } }, { limit: 1000 });
    expect(new Set(before7.items.map((a) => a['householdId']))).toEqual(chronicIds);

    const calls = await runDunning(deps(), '2026-10-22');
    // Nobody has granted message quota, so every household still owing goes on the call list,
    // except early payers: their strategy reminds on the due day only.
    expect(calls.calls).toBe([...owing].filter((id) => !earlyIds.has(id)).length);
    const after7 = await t.store
      .collection('dunning_attempts')
      .find({ where: { step: 'after7', dueDate: '2026-10-15' } }, { limit: 1000 });
    const chronicAttempts = after7.items.filter((a) => chronicIds.has(a['householdId'] as string));
    expect(chronicAttempts.length).toBeGreaterThanOrEqual(chronicIds.size);
    expect(
      chronicAttempts.every((a) => a['channel'] === 'call' && (a['messageIds'] as string[]).length === 0),
    ).toBe(true);
  });

  it('lets finance take a strategy back; the estate schedule applies again', async () => {
    await t.ok(FINANCE, 'analytics', 'habits.apply', { estateId: ESTATE, segment: 'chronic' });
    const view = await t.ok<PaymentHabitsView>(FINANCE, 'analytics', 'habits.reset', {
      estateId: ESTATE,
      segment: 'chronic',
    });
    expect(view.segments.every((s) => s.applied === null)).toBe(true);
    const summary = await runDunning(deps(), '2026-10-08');
    expect(summary.attempts).toBe(0);
  });
});

describe('报修频次 repair frequency and the replacement plan', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await analyticsRuntime();
  });
  afterAll(() => t.close());

  it('counts repairs by device, category and location and flags the north gate', async () => {
    const report = await t.ok<RepairFrequencyView>('demo-service', 'analytics', 'repairs.frequency', {
      estateId: ESTATE,
    });
    expect(report).toMatchObject({ from: '2026-09-01', to: '2026-11-29' });
    const gate = report.byDevice.find((r) => r.label.includes('GATE-02'))!;
    expect(gate).toMatchObject({ count: 5, flags: ['近 90 天报修 5 次，超过阈值 3 次'] });
    expect(gate.repeats).toBeGreaterThan(0);
    expect(gate.costFen).toBe((1_500 + 600 + 1_200 + 2_100 + 900) * 100);
    // An order that names its lift by label code counts for the ledger's lift.
    expect(report.byDevice.map((r) => r.label)).not.toContain('LIFT-2-1');
    expect(report.byDevice.find((r) => r.label.includes('LIFT-2-1'))!.count).toBe(2);
    expect(report.byCategory.reduce((n, r) => n + r.count, 0)).toBe(report.total);
    expect(report.byLocation.reduce((n, r) => n + r.count, 0)).toBe(report.total);

    const narrow = await t.ok<RepairFrequencyView>('demo-service', 'analytics', 'repairs.frequency', {
      estateId: ESTATE,
      from: '2026-11-01',
      to: '2026-11-29',
    });
    expect(narrow.byDevice.find((r) => r.label.includes('GATE-02'))?.count).toBe(1);
  });

  it('puts the flagged device in the facilities replacement plan with the reason in words', async () => {
    const lifecycle = await t.ok<LifecycleReport>(ADMIN, 'facilities', 'lifecycle', { estateId: ESTATE });
    const gate = lifecycle.replacementPlan.find((r) => r.code === 'GATE-02')!;
    expect(gate.lifecycle.replaceInYear).toBe(2027);
    expect(gate.lifecycle.reasonLabels).toContain('近 90 天报修 5 次，超过阈值 3 次');
  });

  it('refuses technicians, a window turned around, and another estate', async () => {
    expect(await t.errorCode('demo-tech-lift', 'analytics', 'repairs.frequency', { estateId: ESTATE })).toBe(
      'FORBIDDEN',
    );
    expect(
      await t.errorCode('demo-service', 'analytics', 'repairs.frequency', {
        estateId: ESTATE,
        from: '2026-11-02',
        to: '2026-11-01',
      }),
    ).toBe('VALIDATION');
    expect(
      await t.errorCode(MAPLE_ADMIN, 'analytics', 'export.repairs', { estateId: ESTATE, format: 'csv' }),
    ).toBe('FORBIDDEN');
  });
});

describe('exports with the list’s own filters', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await analyticsRuntime();
  });
  afterAll(() => t.close());

  it('exports the work orders the list shows for a filter, in CSV and Excel', async () => {
    const filters = { estateId: ESTATE, category: 'lift' };
    const listed: string[] = [];
    let after: string | undefined;
    do {
      const page = await t.ok<{ items: Array<{ orderNo: string }>; next?: string }>(
        ADMIN,
        'workorder',
        'list',
        { ...filters, after },
      );
      listed.push(...page.items.map((o) => o.orderNo));
      after = page.next;
    } while (after);
    expect(listed.length).toBeGreaterThan(0);

    const csv = await t.ok<SheetExport>(ADMIN, 'analytics', 'export.workorders', {
      ...filters,
      format: 'csv',
    });
    const rows = csvRows(csv);
    expect(rows[0]!.slice(0, 3)).toEqual(['工单号', '报修时间', '类别']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(listed);
    expect(rows.slice(1).every((r) => r[2] === '电梯')).toBe(true);
    expect(csv).toMatchObject({ format: 'csv', rows: listed.length });
    expect(csv.filename).toMatch(/^工单列表-2026-11-29\.csv$/);

    const xlsx = await t.ok<SheetExport>(ADMIN, 'analytics', 'export.workorders', {
      ...filters,
      format: 'xlsx',
    });
    const sheet = await xlsxRows(xlsx);
    expect(sheet.name).toBe('工单列表');
    expect(sheet.rowCount).toBe(listed.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(listed[0]);
  });

  it('never includes another estate’s rows, and refuses staff who do not serve the estate', async () => {
    await t.ok('demo-owner-1', 'service', 'submitComplaint', {
      householdId: keyId('hh', ESTATE, '1-1-1201'),
      requestId: 'complaint-linli-1',
      kind: 'complaint',
      content: '=HYPERLINK("http://evil.example","点我")楼道灯坏了',
    });
    await t.ok('demo-owner-3', 'service', 'submitComplaint', {
      householdId: keyId('hh', OTHER_ESTATE_ID, '1-1-0301'),
      requestId: 'complaint-maple-1',
      kind: 'suggestion',
      content: '建议增加快递柜',
    });
    const linli = csvRows(
      await t.ok<SheetExport>(ADMIN, 'analytics', 'export.complaints', { estateId: ESTATE, format: 'csv' }),
    );
    expect(linli.slice(1).map((r) => r[1])).toEqual(['1-1-1201']);
    const maple = csvRows(
      await t.ok<SheetExport>(ADMIN, 'analytics', 'export.complaints', {
        estateId: OTHER_ESTATE_ID,
        format: 'csv',
      }),
    );
    expect(maple.slice(1).map((r) => r[1])).toEqual(['1-1-0301']);
    expect(
      await t.errorCode(MAPLE_ADMIN, 'analytics', 'export.complaints', { estateId: ESTATE, format: 'csv' }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode(MAPLE_ADMIN, 'analytics', 'export.payments', { estateId: ESTATE, format: 'xlsx' }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode(MAPLE_ADMIN, 'analytics', 'export.alarms', { estateId: ESTATE, format: 'csv' }),
    ).toBe('FORBIDDEN');
  });

  it('guards formula-looking cells: an apostrophe in CSV, a text cell in Excel', async () => {
    const csv = await t.ok<SheetExport>(ADMIN, 'analytics', 'export.complaints', {
      estateId: ESTATE,
      format: 'csv',
    });
    const content = csvRows(csv)[1]![4]!;
    expect(content.startsWith(`'=HYPERLINK`)).toBe(true);
    const xlsx = await t.ok<SheetExport>(ADMIN, 'analytics', 'export.complaints', {
      estateId: ESTATE,
      format: 'xlsx',
    });
    const cell = (await xlsxRows(xlsx)).getRow(2).getCell(5);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
  });

  it('refuses the wrong role for every list', async () => {
    const refused: Array<[string, string, Record<string, unknown>]> = [
      ['demo-tech-lift', 'export.workorders', { estateId: ESTATE }],
      ['demo-service', 'export.payments', { estateId: ESTATE }],
      ['demo-finance', 'export.alarms', { estateId: ESTATE }],
      ['demo-finance', 'export.conversations', { estateId: ESTATE }],
      ['demo-tech-lift', 'export.complaints', { estateId: ESTATE }],
      ['demo-finance', 'export.audit', {}],
      ['demo-service', 'export.habits', { estateId: ESTATE }],
      ['demo-owner-1', 'export.repairs', { estateId: ESTATE }],
    ];
    for (const [openid, action, input] of refused)
      expect([action, await t.errorCode(openid, 'analytics', action, { ...input, format: 'csv' })]).toEqual([
        action,
        'FORBIDDEN',
      ]);
  });

  it('exports payments, alarms, conversations, the audit trail and both analyses', async () => {
    const bills = await t.ok<{ households: Array<{ unpaid: Array<{ billId: string }> }> }>(
      'demo-owner-1',
      'billing',
      'bills.mine',
    );
    await t.ok(FINANCE, 'payment', 'recordOffline', {
      householdId: keyId('hh', ESTATE, '1-1-1201'),
      billIds: [bills.households[0]!.unpaid[0]!.billId],
      channel: 'cash',
      receiptNo: 'SJ-20261129-01',
    });
    const payments = csvRows(
      await t.ok<SheetExport>(FINANCE, 'analytics', 'export.payments', {
        estateId: ESTATE,
        channel: 'cash',
        format: 'csv',
      }),
    );
    expect(payments.slice(1).map((r) => [r[2], r[5], r[11]])).toEqual([
      ['1-1-1201', '现金', 'SJ-20261129-01'],
    ]);
    expect(
      csvRows(
        await t.ok<SheetExport>(FINANCE, 'analytics', 'export.payments', {
          estateId: ESTATE,
          channel: 'wechat',
          format: 'csv',
        }),
      ),
    ).toHaveLength(1);

    const alarms = await t.ok<SheetExport>('demo-service', 'analytics', 'export.alarms', {
      estateId: ESTATE,
      scope: 'all',
      format: 'csv',
    });
    expect(csvRows(alarms)[0]![0]).toBe('告警时间');

    const conversation = await t.ok<{ conversationId: string }>('demo-owner-1', 'service', 'start', {
      householdId: keyId('hh', ESTATE, '1-1-1201'),
    });
    await t.ok('demo-owner-1', 'service', 'send', {
      conversationId: conversation.conversationId,
      requestId: 'msg-analytics-1',
      body: { type: 'text', text: '请问停车费怎么交？' },
    });
    const conversations = csvRows(
      await t.ok<SheetExport>('demo-service', 'analytics', 'export.conversations', {
        estateId: ESTATE,
        format: 'csv',
      }),
    );
    expect(conversations.slice(1).map((r) => r[0])).toEqual(['1-1-1201']);

    const audit = csvRows(
      await t.ok<SheetExport>(ADMIN, 'analytics', 'export.audit', {
        collection: 'payment_orders',
        format: 'csv',
      }),
    );
    expect(audit.length).toBeGreaterThan(1);
    expect(audit.slice(1).every((r) => r[4] === 'payment_orders')).toBe(true);
    expect(audit.slice(1).some((r) => r[1] === '李会计' && r[3] === 'payment.recordOffline')).toBe(true);

    const habits = csvRows(
      await t.ok<SheetExport>(FINANCE, 'analytics', 'export.habits', { estateId: ESTATE, format: 'csv' }),
    );
    expect(habits[0]).toEqual([
      '房号',
      '分群',
      '计入账单数',
      '逾期账单数',
      '逾期天数中位数',
      '最久未缴逾期天数',
    ]);
    expect(habits.length - 1).toBe(
      await t.store.collection('households').count({ where: { estateId: ESTATE } }),
    );

    const repairs = csvRows(
      await t.ok<SheetExport>(ADMIN, 'analytics', 'export.repairs', { estateId: ESTATE, format: 'csv' }),
    );
    expect(repairs).toContainEqual(expect.arrayContaining(['设备', '北门道闸 GATE-02', '5']));
  });
});
