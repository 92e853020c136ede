import { rateOf } from '../billing/collection-stats';
import { fen } from '../money/money';
import { collectionRowsChart, frequencyChart, habitsChart, segmentsChart } from './analytics';
import { percentBarsChart } from './bars';
import {
  alarmsChart,
  arrearsChart,
  collectionChart,
  companyCollectionChart,
  noticeReadsChart,
  surveyChart,
  workOrdersChart,
} from './dashboard';
import { ellipsize } from '../text/ellipsize';
import { isBlankChart, percentOf, yuanOf, type ChartSpec } from './spec';

const collection = (paid: number, receivable: number, onTarget: boolean) => ({
  period: '2026-11',
  receivableFen: fen(receivable),
  paidFen: fen(paid),
  outstandingFen: fen(receivable - paid),
  rateByAmount: rateOf(paid, receivable),
  rateByHousehold: rateOf(1, 2),
  targetPercent: 95,
  onTarget,
  settledToday: { bills: 0, paidFen: fen(0) },
});

/** Every series has one value per category (a ring and an arc are read differently, see below). */
function expectAligned(spec: ChartSpec) {
  for (const series of spec.series) {
    expect(series.data).toHaveLength(spec.kind === 'arcbar' ? 1 : spec.categories.length);
    if (series.tones) expect(series.tones).toHaveLength(series.data.length);
    for (const value of series.data) expect(Number.isFinite(value)).toBe(true);
  }
}

describe('spec helpers', () => {
  it('turns rates into percentages with two decimals, and nothing-to-divide into 0', () => {
    expect(percentOf(rateOf(2, 3))).toBe(66.67);
    expect(percentOf(rateOf(0, 0))).toBe(0);
    expect(yuanOf(123456)).toBe(1234.56);
  });

  it('shortens long labels by characters, not bytes', () => {
    expect(ellipsize('邻里花园', 6)).toBe('邻里花园');
    expect(ellipsize('邻里花园二期东区', 6)).toBe('邻里花园二…');
  });

  it('counts all-zero bars and rings as blank but never an arc, where 0% is a figure', () => {
    expect(isBlankChart(workOrdersChart({ open: 0, atRisk: 0, breached: 0, byGroup: [] }))).toBe(true);
    expect(isBlankChart(collectionChart(collection(0, 10_000, false)))).toBe(false);
  });
});

describe('dashboard charts', () => {
  it('fills the collection arc to the rate and colours it by the target', () => {
    const behind = collectionChart(collection(9_169, 10_000, false));
    expect(behind.series[0]!.tone).toBe('warn');
    expect(behind.series[0]!.data[0]).toBeCloseTo(0.9169, 6);
    expect(behind.center).toEqual({ title: '91.69%', subtitle: '目标 95%' });
    expect(collectionChart(collection(10_000, 10_000, true)).series[0]).toMatchObject({
      data: [1],
      tone: 'good',
    });
  });

  it('draws arrears in yuan per age bucket, older buckets hotter', () => {
    const spec = arrearsChart({
      outstandingFen: fen(3_906_545),
      buckets: [
        { bucket: 'current', label: '未到期', households: 0, outstandingFen: fen(0) },
        { bucket: 'd0_30', label: '逾期 0–30 天', households: 1, outstandingFen: fen(100) },
        { bucket: 'd31_90', label: '逾期 31–90 天', households: 51, outstandingFen: fen(3_906_445) },
        { bucket: 'd90_plus', label: '逾期 90 天以上', households: 0, outstandingFen: fen(0) },
      ],
    });
    expectAligned(spec);
    expect(spec.categories).toEqual(['未到期', '0–30 天', '31–90 天', '90 天以上']);
    expect(spec.series[0]!.data).toEqual([0, 1, 39_064.45, 0]);
    expect(spec.series[0]!.tones).toEqual(['info', 'warn', 'bad', 'bad']);
    expect(spec.series[0]!.labels).toEqual(['', '¥1.00', '¥39,064.45', '']);
    expect(spec.summary).toContain('¥39,065.45');
  });

  it('puts open work orders and alarms in rings, slices in the order of the list beside them', () => {
    const orders = workOrdersChart({
      open: 6,
      atRisk: 0,
      breached: 1,
      byGroup: [
        { group: 'waiting', label: '待派单', count: 2 },
        { group: 'working', label: '处理中', count: 3 },
        { group: 'review', label: '待验收', count: 1 },
      ],
    });
    expectAligned(orders);
    expect(orders).toMatchObject({ kind: 'ring', categories: ['待派单', '处理中', '待验收'] });
    expect(orders.series[0]!.data).toEqual([2, 3, 1]);
    expect(orders.summary).toBe('未完成工单 6 单：待派单 2，处理中 3，待验收 1');

    const alarms = alarmsChart({
      active: 3,
      unacked: 1,
      bySeverity: [
        { severity: 'critical', label: '紧急', count: 1 },
        { severity: 'warning', label: '预警', count: 2 },
      ],
    });
    expect(alarms.series[0]!.tones).toEqual(['bad', 'muted']);
  });

  it('draws notice read rates out of 100%, with the full titles kept in the summary', () => {
    const spec = noticeReadsChart([
      { noticeId: 'n1', title: '关于春节期间物业服务安排的通知', publishedAt: 0, readRate: rateOf(1, 4) },
    ]);
    expect(spec).toMatchObject({ kind: 'bar', max: 100, unit: '%' });
    expect(spec.series[0]!.data).toEqual([25]);
    expect(spec.categories[0]).toBe('关于春节期间物…');
    expect(spec.summary).toContain('关于春节期间物业服务安排的通知 25.00%');
  });

  it('leaves estates the viewer may not see, or with nothing billed, out of the company chart', () => {
    const spec = companyCollectionChart([
      {
        estateId: 'a',
        estateName: '邻里花园',
        collection: {
          period: '2026-11',
          receivableFen: fen(100),
          paidFen: fen(90),
          rateByAmount: rateOf(90, 100),
        },
        arrears: null,
        openOrders: null,
        activeAlarms: null,
      },
      {
        estateId: 'b',
        estateName: '锦绣苑',
        collection: null,
        arrears: null,
        openOrders: 1,
        activeAlarms: 0,
      },
      {
        estateId: 'c',
        estateName: '枫林苑',
        collection: { period: '2026-11', receivableFen: fen(0), paidFen: fen(0), rateByAmount: rateOf(0, 0) },
        arrears: null,
        openOrders: 0,
        activeAlarms: 0,
      },
    ]);
    expect(spec.categories).toEqual(['邻里花园']);
    expect(spec.keys).toEqual(['a']);
    expect(spec.series[0]!.data).toEqual([90]);
  });

  it('shows a survey without ratings as an empty grey arc with a dash', () => {
    const spec = surveyChart({
      surveyId: 's',
      title: '年度满意度调查',
      phaseLabel: '进行中',
      overallIndex: null,
      rate: { read: 0, total: 10, percent: 0 },
    });
    expect(spec.series[0]).toMatchObject({ data: [0], tone: 'muted' });
    expect(spec.center?.title).toBe('—');
  });
});

describe('analysis charts', () => {
  it('draws both collection rates per row of the report', () => {
    const figures = (paid: number, households: number) =>
      ({
        collectionRateByAmount: rateOf(paid, 100),
        collectionRateByHousehold: rateOf(households, 10),
      }) as never;
    const spec = collectionRowsChart([
      { key: '2026-10', label: '2026-10', ...(figures(80, 7) as object) },
      { key: '2026-11', label: '2026-11', ...(figures(95, 9) as object) },
    ] as never);
    expectAligned(spec);
    expect(spec.series.map((s) => s.name)).toEqual(['按金额', '按户数']);
    expect(spec.categories).toEqual(['2026-10', '2026-11']); // a month is never cut short
    expect(spec.series[0]!.data).toEqual([80, 95]);
    expect(spec.series[1]!.data).toEqual([70, 90]);
  });

  it('puts households per payment segment in a ring', () => {
    const spec = segmentsChart([
      { segment: 'early', label: '提前缴', households: 10 },
      { segment: 'chronic', label: '长期拖欠', households: 2 },
    ]);
    expect(spec.series[0]).toMatchObject({ data: [10, 2], tones: ['good', 'bad'] });
    expect(spec.summary).toBe('缴费习惯分群 12 户：提前缴 10，长期拖欠 2');
    expect(
      habitsChart([
        { habit: 'late', label: '逾期缴费', households: 3 },
        { habit: 'no_history', label: '暂无记录', households: 1 },
      ]).series[0],
    ).toMatchObject({ data: [3, 1], tones: ['bad', 'muted'] });
  });

  it('charts the most repaired rows first, flagged ones red and repeated ones amber', () => {
    const row = (key: string, count: number, repeats: number, flags: string[]) => ({
      key,
      label: key,
      count,
      repeats,
      mtbfDays: null,
      costFen: null,
      flags,
    });
    const spec = frequencyChart(
      [row('a', 1, 0, []), row('b', 5, 2, ['近 90 天报修 5 次']), row('c', 3, 1, [])],
      2,
    );
    expect(spec.categories).toEqual(['b', 'c']);
    expect(spec.series[0]).toMatchObject({ data: [5, 3], tones: ['bad', 'warn'] });
  });
});

describe('percent bars', () => {
  it('clamps lengths to 0–100 and keeps each caption with its bar', () => {
    const spec = percentBarsChart('各项服务满意度指数', [
      { label: '保洁', percent: 75, caption: '75', tone: 'warn' },
      { label: '安保', percent: 120, caption: '—' },
    ]);
    expect(spec.series[0]).toMatchObject({ data: [75, 100], tones: ['warn', 'info'], labels: ['75', '—'] });
    expect(spec.summary).toBe('各项服务满意度指数：保洁 75，安保 —');
  });
});
