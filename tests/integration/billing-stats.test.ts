import Papa from 'papaparse';
import { keyId, type AgingReportView, type CollectionReport, type HabitReport } from '@linli/shared';
import { billingRuntime, commitAll, ESTATE } from '../helpers/billing';
import type { TestRuntime } from '../helpers/test-runtime';

const range = { estateId: ESTATE, periodFrom: '2026-05', periodTo: '2026-07' };

describe('billing statistics for finance', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await billingRuntime();
    await commitAll(t);
    const second = keyId('hh', ESTATE, '2-1-0802');
    await t.ok('demo-finance', 'billing', 'bills.waive', {
      billId: keyId('bill', second, '2026-06', 'property'),
      amountFen: 1000,
      reason: '管道维修期间停水补偿',
      submissionId: 'stats-waive-1',
    });
    await t.ok('demo-finance', 'billing', 'bills.void', {
      billId: keyId('bill', second, '2026-06', 'garbage'),
      reason: '空置期间误收',
    });
  });
  afterAll(() => t.close());

  it('reports both collection rates, kept apart, with every amount explicit and groups adding up', async () => {
    const report = await t.ok<CollectionReport>('demo-finance', 'billing', 'stats.collection', {
      ...range,
      groupBy: 'item',
    });
    const { total } = report;
    expect(report.definitions.byAmount).toContain('（应收 − 未收）÷ 应收');
    expect(report.definitions.byHousehold).toContain('户数');
    expect(total.voidedBills).toBe(1);
    expect(total.waivedFen).toBe(1000);
    expect(total.receivableFen).toBe(total.billedFen - total.discountFen - total.waivedFen);
    expect(total.outstandingFen).toBe(total.receivableFen - total.paidFen);
    expect(total.collectionRateByAmount).toMatchObject({
      numerator: total.paidFen,
      denominator: total.receivableFen,
    });
    expect(total.collectionRateByHousehold).toMatchObject({
      numerator: total.householdsFullyPaid,
      denominator: total.householdsBilled,
    });
    expect(total.lateFeeAccruedFen).toBeGreaterThan(0);
    expect(report.rows.map((r) => r.label).sort()).toEqual(
      ['垃圾处理费', '水费', '物业费', '车位管理费'].sort(),
    );
    for (const field of ['billedFen', 'receivableFen', 'paidFen', 'outstandingFen', 'bills'] as const)
      expect(report.rows.reduce((sum, r) => sum + r[field], 0)).toBe(total[field]);

    const byBuilding = await t.ok<CollectionReport>('demo-finance', 'billing', 'stats.collection', {
      ...range,
      groupBy: 'building',
    });
    expect(byBuilding.rows.map((r) => r.label)).toEqual(['1号楼', '2号楼', '3号楼']);
    const byMonth = await t.ok<CollectionReport>('demo-admin', 'billing', 'stats.collection', {
      ...range,
      groupBy: 'period',
    });
    expect(byMonth.rows.map((r) => r.key)).toEqual(['2026-05', '2026-06', '2026-07']);
  });

  it('ages arrears into not due, 0–30, 31–90 and 90+ days', async () => {
    const aging = await t.ok<AgingReportView>('demo-finance', 'billing', 'stats.aging', {
      estateId: ESTATE,
      limit: 5,
    });
    const bucket = (b: string) => aging.buckets.find((x) => x.bucket === b)!;
    expect(aging.buckets.map((b) => b.label)).toEqual([
      '未到期',
      '逾期 0–30 天',
      '逾期 31–90 天',
      '逾期 90 天以上',
    ]);
    expect(bucket('current').bills).toBeGreaterThan(0); // July, due on the 15th
    expect(bucket('d0_30').bills).toBeGreaterThan(0); // June, 25 days overdue
    expect(bucket('d31_90').bills).toBeGreaterThan(0); // May, 56 days overdue
    expect(bucket('d90_plus').bills).toBe(0);
    expect(aging.totalOutstandingFen).toBe(aging.buckets.reduce((s, b) => s + b.outstandingFen, 0));
    expect(aging.households).toHaveLength(5);
    expect(aging.households[0]!.outstandingFen).toBeGreaterThanOrEqual(aging.households[4]!.outstandingFen);
    expect(aging.households[0]).toMatchObject({ bucket: 'd31_90', bucketLabel: '逾期 31–90 天' });
  });

  it('classifies payment habits, late payers first', async () => {
    const habits = await t.ok<HabitReport>('demo-finance', 'billing', 'stats.habits', {
      estateId: ESTATE,
      limit: 10,
    });
    expect(habits.summary.reduce((s, h) => s + h.households, 0)).toBe(600);
    expect(habits.summary.find((h) => h.habit === 'late')!.households).toBeGreaterThan(500);
    expect(habits.households[0]).toMatchObject({
      habit: 'late',
      habitLabel: '逾期缴费',
      howLate: '31–90 天',
    });
    const early = await t.ok<HabitReport>('demo-finance', 'billing', 'stats.habits', {
      estateId: ESTATE,
      habit: 'on_time',
    });
    expect(early.households.every((h) => h.habit === 'on_time')).toBe(true);
  });

  it('exports CSV that Excel opens: every bill, or collection per month with a total', async () => {
    const bills = await t.ok<{ filename: string; content: string; rows: number }>(
      'demo-finance',
      'billing',
      'stats.export',
      range,
    );
    expect(bills.filename).toBe('邻里花园-账单明细-2026-05至2026-07.csv');
    expect(bills.content.startsWith('\uFEFF房号,账期,收费项目,状态,到期日,账单金额(元)')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(bills.content.slice(1), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toHaveLength(bills.rows);
    expect(
      parsed.data.find(
        (r) => r['房号'] === '1-1-1201' && r['账期'] === '2026-07' && r['收费项目'] === '物业费',
      ),
    ).toMatchObject({
      '账单金额(元)': '210.40',
      状态: '待缴',
    });

    const collection = await t.ok<{ content: string; rows: number }>(
      'demo-finance',
      'billing',
      'stats.export',
      { ...range, kind: 'collection' },
    );
    const rows = Papa.parse<Record<string, string>>(collection.content.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r['账期'])).toEqual(['2026-05', '2026-06', '2026-07', '合计']);
    expect(rows[3]!['按金额收缴率']).toMatch(/^\d+\.\d\d%$/);
  });

  it('is for finance and admin only, over at most two years', async () => {
    expect(await t.errorCode('demo-service', 'billing', 'stats.collection', range)).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-tech-lift', 'billing', 'stats.aging', {})).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-admin-maple', 'billing', 'stats.export', range)).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-finance', 'billing', 'stats.collection', { ...range, periodFrom: '2024-01' }),
    ).toBe('VALIDATION');
    expect(
      await t.errorCode('demo-finance', 'billing', 'stats.collection', { ...range, periodFrom: '2026-08' }),
    ).toBe('VALIDATION');
  });
});
