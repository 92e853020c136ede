import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createWorkOrder,
  keyId,
  rankTechnicians,
  requiredSkillOf,
  transitionOrder,
  WorkOrderCategory,
  type Skill,
  type StaffMember,
  type WorkOrder,
} from '@linli/shared';
import { collections, ensureAllIndexes } from '@linli/cloudfunctions/src/_lib/collections';
import type { ActionContext } from '@linli/cloudfunctions/src/_lib/define-function';
import { createLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';
import type { Store } from '@linli/cloudfunctions/src/_lib/store/port';
import { dispatchOrder } from '@linli/cloudfunctions/src/workorder/dispatch/dispatch-order';
import { loadCandidates } from '@linli/cloudfunctions/src/workorder/dispatch/load-candidates';
import { workorderCollections, type WorkOrderDoc } from '@linli/cloudfunctions/src/workorder/documents';
import { seededRandom } from '@linli/cloudfunctions/src/local/seed/random';
import { medianMs, perSecond, type Benchmark } from '../harness';

const ESTATE_ID = 'est_bench_wo';
const TECHNICIANS = 50;
const OPEN_ORDERS = 2_000;
/** Decisions timed per sample; the median of several samples is reported. */
const DECISIONS = 25;
/** Orders dispatched for real (ranked, compare-and-set, messages) for the notes. */
const COMMITTED = 100;
/** Tuesday 10:00 Shanghai. */
const NOW = Date.parse('2026-12-01T02:00:00Z');
const SKILLS: Skill[] = ['plumbing', 'electrical', 'lift', 'locks', 'hvac', 'general'];
const DAY_SHIFT = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '08:00', end: '18:00' }));
const NIGHT_SHIFT = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, start: '18:00', end: '08:00' }));

function technician(i: number, random: ReturnType<typeof seededRandom>): StaffMember {
  const skills = [SKILLS[i % SKILLS.length]!, SKILLS[random.int(0, SKILLS.length - 1)]!];
  return {
    _id: keyId('staff', 'bench', i),
    name: `师傅${i}`,
    phone: '13700000000',
    roles: ['technician'],
    estateIds: [ESTATE_ID],
    skills: [...new Set(skills)],
    level: random.int(1, 5),
    shifts: i % 3 === 0 ? NIGHT_SHIFT : DAY_SHIFT,
    accountId: null,
    inviteCode: null,
    active: true,
    updatedAt: 0,
  };
}

function order(n: number, category: WorkOrderCategory, at: number): WorkOrder {
  const building = (n % 20) + 1;
  const location = {
    kind: 'public' as const,
    area: 'corridor' as const,
    buildingId: keyId('bld', ESTATE_ID, building),
    buildingName: `${building}号楼`,
    deviceId: null,
    note: `${n}`,
  };
  return createWorkOrder(
    {
      _id: keyId('wo', 'bench', n),
      orderNo: `BX20261201${String(n).padStart(4, '0')}`,
      estateId: ESTATE_ID,
      householdId: null,
      location,
      locationLabel: `${building}号楼 楼道 ${n}`,
      locationKey: `area:${n}`,
      buildingId: location.buildingId,
      category,
      requiredSkill: requiredSkillOf[category],
      description: '楼道灯不亮',
      subject: '楼道灯不亮',
      photos: [],
      preferredTime: null,
      deviceId: null,
      deviceModel: null,
      source: 'maintenance',
      reporter: { accountId: null, name: '巡检', phone: null },
      priority: 'normal',
      prioritySource: 'auto',
      priorityReasons: [],
      createdAt: at,
    },
    { kind: 'system', name: '系统' },
  );
}

/** 50 technicians holding 2,000 open orders (assigned over the last two days), plus orders to dispatch. */
async function seed(store: Store): Promise<{ waiting: WorkOrder[] }> {
  const random = seededRandom(2_000);
  const team = Array.from({ length: TECHNICIANS }, (_, i) => technician(i, random));
  await collections(store).staff.insertMany(team);
  const categories = WorkOrderCategory.options.filter((c) => c !== 'gas');
  const open: WorkOrderDoc[] = [];
  for (let n = 0; n < OPEN_ORDERS; n++) {
    const category = categories[n % categories.length]!;
    const able = team.filter((m) => m.skills.includes(requiredSkillOf[category]));
    const tech = able[random.int(0, able.length - 1)]!;
    const at = NOW - random.int(1, 48 * 60) * 60_000;
    open.push(
      transitionOrder(order(n, category, at), {
        to: 'assigned',
        at,
        actor: { kind: 'system', name: '系统' },
        assignee: { staffId: tech._id, accountId: null, name: tech.name },
      }) as WorkOrderDoc,
    );
  }
  const waiting = Array.from({ length: COMMITTED }, (_, i) =>
    order(OPEN_ORDERS + i, categories[i % categories.length]!, NOW - 60_000),
  );
  const { workorders } = workorderCollections(store);
  for (let i = 0; i < open.length; i += 500) await workorders.insertMany(open.slice(i, i + 500));
  await workorders.insertMany(waiting as WorkOrderDoc[]);
  return { waiting };
}

export const workorderBenchmarks: Benchmark[] = [
  {
    name: `workorder dispatch decisions (${TECHNICIANS} technicians, ${OPEN_ORDERS} open orders)`,
    unit: 'decisions/s',
    higherIsBetter: true,
    async run() {
      const dir = mkdtempSync(join(tmpdir(), 'linli-bench-workorder-'));
      const store = createSqliteStore({ file: join(dir, 'bench.db') });
      try {
        await ensureAllIndexes(store);
        const { waiting } = await seed(store);
        const ctx: ActionContext = {
          caller: { kind: 'trigger' },
          store,
          db: collections(store),
          requestId: 'bench',
          now: () => NOW,
          log: createLogger({ level: 'error' }),
        };
        // Baseline: reading what dispatch needs (team, their open orders, recent assignments).
        const loadMs = await medianMs(5, async () => {
          for (let i = 0; i < DECISIONS; i++)
            await loadCandidates(ctx, ESTATE_ID, waiting[i % waiting.length]!.requiredSkill);
        });
        // A decision: the same reads plus ranking every technician for one order.
        const decideMs = await medianMs(5, async () => {
          for (let i = 0; i < DECISIONS; i++) {
            const target = waiting[i % waiting.length]!;
            const candidates = await loadCandidates(ctx, ESTATE_ID, target.requiredSkill);
            rankTechnicians(
              {
                requiredSkill: target.requiredSkill,
                priority: target.priority,
                buildingId: target.buildingId,
              },
              candidates,
              NOW,
            );
          }
        });
        // Ranking alone, candidates in hand: what a decision costs beyond the reads.
        const team = await loadCandidates(ctx, ESTATE_ID, waiting[0]!.requiredSkill);
        const rankMs = await medianMs(5, () => {
          for (let i = 0; i < DECISIONS * 10; i++) {
            const target = waiting[i % waiting.length]!;
            rankTechnicians(
              {
                requiredSkill: target.requiredSkill,
                priority: target.priority,
                buildingId: target.buildingId,
              },
              team,
              NOW,
            );
          }
        });
        // Committed: rank, compare-and-set on the order, notify.
        const started = process.hrtime.bigint();
        let assigned = 0;
        for (const target of waiting)
          if ((await dispatchOrder(ctx, target._id, { kind: 'system', name: '系统' })).assigned) assigned++;
        const commitMs = Number(process.hrtime.bigint() - started) / 1e6;
        if (assigned !== waiting.length) throw new Error(`only ${assigned} of ${waiting.length} dispatched`);
        return {
          value: perSecond(DECISIONS, decideMs),
          baseline: perSecond(DECISIONS, loadMs),
          notes: `ranking alone ${perSecond(DECISIONS * 10, rankMs).toFixed(0)}/s; committed dispatch ${perSecond(COMMITTED, commitMs).toFixed(0)}/s over ${COMMITTED} orders`,
        };
      } finally {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
