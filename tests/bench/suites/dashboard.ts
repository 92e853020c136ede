import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addPeriods,
  annualSurveyQuestions,
  keyId,
  OPEN_DESK_STATES,
  Severity,
  type DashboardView,
  type Period,
} from '@linli/shared';
import { collections, ensureAllIndexes, findAll } from '@linli/cloudfunctions/src/_lib/collections';
import { createLogger } from '@linli/cloudfunctions/src/_lib/logger';
import type { Doc, Store } from '@linli/cloudfunctions/src/_lib/store/port';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import { loadStatBills } from '@linli/cloudfunctions/src/billing/stats/load-stat-bills';
import { createRuntime } from '@linli/cloudfunctions/src/local/runtime';
import { seededRandom } from '@linli/cloudfunctions/src/local/seed/random';
import { forEachResponse } from '@linli/cloudfunctions/src/survey/read-responses';
import { medianMs, type Benchmark } from '../harness';
import { insertAll, insertBenchEstate } from '../fixtures';

const HOUSEHOLDS = 10_000;
const ESTATE_ID = 'est_bench';
const ADMIN = 'bench-admin';
/** 10 December 2026, 10:00 in Shanghai: December's bills are out, a year of them behind. */
const NOW = Date.parse('2026-12-10T02:00:00Z');
const LAST_PERIOD: Period = '2026-12';
const MONTHS = 12;
const DAY = 24 * 60 * 60 * 1000;
const ITEMS = [
  { itemCode: 'property', itemName: '物业费', amountFen: 21_000 },
  { itemCode: 'garbage', itemName: '垃圾处理费', amountFen: 1_000 },
] as const;

/**
 * One estate of 10,000 homes with a year of bills (two items a month: 240,000 bills, the older
 * months mostly paid), a year of work orders (6,000, some still open and late), alarms, the
 * service desk's threads and complaints, and a closed survey with 3,000 sheets.
 */
async function seedEstate(store: Store): Promise<{ bills: number; orders: number }> {
  const random = seededRandom(2026);
  await insertBenchEstate(store, ESTATE_ID, { openid: ADMIN, displayName: '基准经理', roles: ['admin'] });
  let bills = 0;
  for (let m = 0; m < MONTHS; m++) {
    const period = addPeriods(LAST_PERIOD, m - (MONTHS - 1));
    const age = MONTHS - 1 - m; // months ago
    const docs: Doc[] = [];
    for (let h = 0; h < HOUSEHOLDS; h++) {
      const householdId = keyId('hh', ESTATE_ID, h);
      // Most pay within the month; a few carry arrears for months; this month is in progress.
      const paid = age === 0 ? random.chance(0.55) : random.chance(age > 3 ? 0.985 : 0.95);
      for (const item of ITEMS) {
        docs.push({
          _id: keyId('bill', ESTATE_ID, period, h, item.itemCode),
          estateId: ESTATE_ID,
          householdId,
          roomCode: `${Math.floor(h / 500) + 1}-1-${String(h % 500).padStart(4, '0')}`,
          buildingId: keyId('bld', ESTATE_ID, Math.floor(h / 500) + 1),
          period,
          itemCode: item.itemCode,
          itemName: item.itemName,
          amountFen: item.amountFen,
          reliefFen: 0,
          discountFen: 0,
          waivedFen: 0,
          paidFen: paid ? item.amountFen : 0,
          lateFeePaidFen: 0,
          status: paid ? 'paid' : 'unpaid',
          dueDate: `${period}-15`,
          lateFeeRule: null,
          settledOn: paid ? `${period}-${String(1 + (h % 9)).padStart(2, '0')}` : null,
          void: false,
          lines: [{ name: item.itemName, amountFen: item.amountFen, basis: '按建筑面积 89.53 m² × 2.35 元' }],
        });
      }
    }
    bills += docs.length;
    await insertAll(store, 'bills', docs);
  }

  const orders: Doc[] = [];
  for (let i = 0; i < 6_000; i++) {
    const createdAt = NOW - Math.floor(((6_000 - i) / 6_000) * 365 * DAY);
    const recent = NOW - createdAt < 3 * DAY;
    const state = recent
      ? OPEN_DESK_STATES[i % OPEN_DESK_STATES.length]!
      : random.chance(0.95)
        ? 'closed'
        : 'cancelled';
    const open = state !== 'closed' && state !== 'cancelled' && state !== 'completed';
    orders.push({
      _id: keyId('wo', ESTATE_ID, i),
      estateId: ESTATE_ID,
      householdId: keyId('hh', ESTATE_ID, i % HOUSEHOLDS),
      state,
      priority: 'normal',
      category: 'plumbing',
      description: '厨房水管漏水，请尽快上门',
      createdAt,
      slaAtRiskAt: open ? createdAt + 54 * 60 * 60 * 1000 : null,
      slaDueAt: open ? createdAt + 72 * 60 * 60 * 1000 : null,
      timeline: [],
    });
  }
  await insertAll(store, 'workorders', orders);

  await insertAll(
    store,
    'alarms',
    Array.from({ length: 2_000 }, (_, i) => ({
      _id: keyId('alm', ESTATE_ID, i),
      estateId: ESTATE_ID,
      deviceId: keyId('dev', i % 80),
      severity: Severity.options[i % 4],
      state: i < 1_960 ? 'cleared' : i % 2 ? 'active_acked' : 'active_unacked',
      raisedAt: NOW - (2_000 - i) * 3 * 60 * 60 * 1000,
      summary: '消防管网压力过低',
    })),
  );
  await insertAll(
    store,
    'service_conversations',
    Array.from({ length: 3_000 }, (_, i) => ({
      _id: keyId('conv', ESTATE_ID, i),
      estateId: ESTATE_ID,
      assigneeId: null,
      lastMessageAt: NOW - i * 60 * 60 * 1000,
      unreadByStaff: i < 25 ? 1 : 0,
    })),
  );
  await insertAll(
    store,
    'complaints',
    Array.from({ length: 600 }, (_, i) => ({
      _id: keyId('cmpl', ESTATE_ID, i),
      estateId: ESTATE_ID,
      kind: 'complaint',
      status: i < 12 ? 'submitted' : 'resolved',
      createdAt: NOW - i * DAY,
    })),
  );
  const questions = annualSurveyQuestions();
  const surveyId = 'svy_bench';
  await store.collection('surveys').insert({
    _id: surveyId,
    estateId: ESTATE_ID,
    kind: 'general',
    title: '年度满意度调查',
    intro: '',
    questions,
    target: { scope: 'estate' },
    responseUnit: 'household',
    anonymous: false,
    status: 'closed',
    opensAt: NOW - 40 * DAY,
    closesAt: NOW - 10 * DAY,
    publishedAt: NOW - 40 * DAY,
    closedAt: NOW - 10 * DAY,
    audience: { households: HOUSEHOLDS, byBuilding: [] },
    invite: null,
    reminders: { rounds: 0, lastRequestId: null, lastAt: null },
    draftsClearedAt: NOW - 10 * DAY,
    workOrderId: null,
    createdBy: 'bench',
    createdByName: '基准',
    createdAt: NOW - 41 * DAY,
    updatedAt: NOW - 10 * DAY,
  });
  const score = () => 1 + random.int(2, 4);
  await insertAll(
    store,
    'survey_responses',
    Array.from({ length: 3_000 }, (_, i) => ({
      _id: keyId('svr', surveyId, i),
      surveyId,
      estateId: ESTATE_ID,
      buildingId: keyId('bld', ESTATE_ID, (i % 20) + 1),
      answers: {
        q1: {
          cleaning: score(),
          security: score(),
          repairs: score(),
          greenery: score(),
          customer_service: score(),
        },
        q2: random.int(5, 10),
        q3: ['o1'],
      },
      submittedOn: '2026-11-05',
      householdId: keyId('hh', ESTATE_ID, i),
      accountId: null,
      roomCode: null,
      respondentName: null,
      submittedAt: NOW - 30 * DAY,
    })),
  );
  return { bills, orders: orders.length };
}

/**
 * What a dashboard cannot avoid: reading the documents its tiles cover (this month's and the open
 * bills with the same projection, open work orders, active alarms, unread threads, pending
 * complaints, the survey's sheets), with no aggregation at all.
 */
async function readWithoutAggregating(
  store: Store,
  db: Parameters<typeof loadStatBills>[0],
): Promise<number> {
  const loaded = await Promise.all([
    loadStatBills(db, ESTATE_ID, { periodFrom: LAST_PERIOD, periodTo: LAST_PERIOD }),
    loadStatBills(db, ESTATE_ID, { open: true }),
    findAll(store.collection('workorders'), {
      where: { estateId: ESTATE_ID, state: { in: [...OPEN_DESK_STATES] } },
    }),
    findAll(store.collection('alarms'), {
      where: { estateId: ESTATE_ID, state: { in: ['active_unacked', 'active_acked'] } },
    }),
    findAll(store.collection('service_conversations'), {
      where: { estateId: ESTATE_ID, unreadByStaff: { gt: 0 } },
    }),
    findAll(store.collection('complaints'), { where: { estateId: ESTATE_ID, status: 'submitted' } }),
  ]);
  const sheets = await forEachResponse(store, 'svy_bench', () => undefined, ['buildingId', 'answers']);
  return loaded.reduce((n, docs) => n + docs.length, sheets);
}

export const dashboardBenchmarks: Benchmark[] = [
  {
    name: 'dashboard.overview.10k',
    unit: 'ms',
    higherIsBetter: false,
    async run() {
      const dir = mkdtempSync(join(tmpdir(), 'linli-bench-dashboard-'));
      const store = createSqliteStore({ file: join(dir, 'bench.db') });
      try {
        await ensureAllIndexes(store);
        const seeded = await seedEstate(store);
        const runtime = createRuntime({ store, log: createLogger({ level: 'error' }), now: () => NOW });
        let view: DashboardView | null = null;
        const overview = async () => {
          const envelope = await runtime.call(
            'dashboard',
            'overview',
            { estateId: ESTATE_ID },
            { openid: ADMIN },
          );
          if (!envelope.ok)
            throw new Error(`overview failed: ${envelope.error.code} ${envelope.error.message}`);
          view = envelope.data as DashboardView;
        };
        const value = await medianMs(5, overview);
        let docsRead = 0;
        const db = collections(store);
        const baseline = await medianMs(5, async () => (docsRead = await readWithoutAggregating(store, db)));
        const company = await medianMs(3, () => runtime.call('dashboard', 'company', {}, { openid: ADMIN }));
        const v = view as DashboardView | null;
        return {
          value,
          baseline,
          notes: `${seeded.bills.toLocaleString('en-US')} bills, ${seeded.orders.toLocaleString('en-US')} orders; baseline reads ${docsRead.toLocaleString('en-US')} docs; open orders ${v?.workOrders?.open}, at risk ${v?.workOrders?.atRisk}, breached ${v?.workOrders?.breached}, arrears ${v?.arrears?.households} homes, alarms ${v?.alarms?.active}, survey index ${v?.survey?.overallIndex}; company view ${Math.round(company)} ms`,
        };
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
