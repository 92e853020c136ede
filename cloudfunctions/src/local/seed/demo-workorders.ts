import {
  DEFAULT_REPAIR_WARRANTY,
  fen,
  type PriceItem,
  type RepairWarranty,
  assessPriority,
  createWorkOrder,
  keyId,
  locationKey,
  locationLabel,
  requiredSkillOf,
  skillLabels,
  subjectOf,
  toLocalDate,
  transitionOrder,
  type ActorKind,
  type TransitionChange,
  type WorkOrder,
  type WorkOrderCategory,
  type WorkOrderLocation,
} from '@linli/shared';
import { collections } from '../../_lib/collections';
import { accountIdFor } from '../../_lib/identity';
import type { Store } from '../../_lib/store/port';
import { workorderCollections, type WorkOrderDoc } from '../../workorder/documents';
import { recordFix, settleFix } from '../../workorder/knowledge';
import { DEMO_ESTATE_ID } from './demo-estate';

const HOUR = 60 * 60_000;

const technicians = {
  lift: {
    staffId: keyId('staff', 'demo-tech-lift'),
    accountId: accountIdFor('demo-tech-lift'),
    name: '李师傅',
    level: 4,
  },
  plumbing: {
    staffId: keyId('staff', 'demo-tech-plumbing'),
    accountId: accountIdFor('demo-tech-plumbing'),
    name: '赵师傅',
    level: 3,
  },
};
type Tech = (typeof technicians)[keyof typeof technicians];

interface Reporter {
  openid: string;
  roomCode: string;
}

/** One demo order: who reported what, where, and the steps it went through (hours after the report). */
interface Story {
  n: number;
  reporter: Reporter;
  category: WorkOrderCategory;
  description: string;
  /** Hours before now it was reported. */
  reportedAgo: number;
  public?: { area: 'lift' | 'garage' | 'corridor'; building: number; deviceId?: string; note?: string };
  steps: Array<{ after: number; step: Step }>;
}

type Step =
  | { to: 'assigned'; tech: Tech; mode: 'auto' | 'grab' }
  | { to: 'accepted' | 'en_route' | 'in_progress' }
  | { to: 'paused'; note: string }
  | { to: 'completed'; cause: string; actionsTaken: string; parts: Array<{ name: string; quantity: number }> }
  | { to: 'closed'; rating: number; comment: string }
  | { to: 'cancelled'; note: string };

const chen: Reporter = { openid: 'demo-owner-1', roomCode: '1-1-1201' };
const lin: Reporter = { openid: 'demo-owner-2', roomCode: '2-1-0802' };

const stories: Story[] = [
  {
    n: 1,
    reporter: chen,
    category: 'plumbing',
    description: '厨房水槽下水管漏水，柜子里全是水',
    reportedAgo: 10 * 24,
    steps: [
      { after: 0.05, step: { to: 'assigned', tech: technicians.plumbing, mode: 'auto' } },
      { after: 0.1, step: { to: 'accepted' } },
      { after: 0.2, step: { to: 'en_route' } },
      { after: 0.5, step: { to: 'in_progress' } },
      {
        after: 1.2,
        step: {
          to: 'completed',
          cause: '下水管接头密封圈老化开裂',
          actionsTaken: '更换下水管及密封圈，通水测试无渗漏',
          parts: [
            { name: '下水管', quantity: 1 },
            { name: '密封圈', quantity: 2 },
          ],
        },
      },
      { after: 5, step: { to: 'closed', rating: 5, comment: '赵师傅来得很快，修得很好' } },
    ],
  },
  {
    n: 2,
    reporter: chen,
    category: 'electrical',
    description: '客厅吊灯不亮，换了灯泡也不行',
    reportedAgo: 30,
    steps: [
      { after: 0.1, step: { to: 'assigned', tech: technicians.lift, mode: 'auto' } },
      { after: 0.3, step: { to: 'accepted' } },
      { after: 2, step: { to: 'in_progress' } },
      {
        after: 3,
        step: {
          to: 'completed',
          cause: '灯具开关接线松动',
          actionsTaken: '重新压接开关接线并紧固，试灯正常',
          parts: [],
        },
      },
    ],
  },
  {
    n: 3,
    reporter: chen,
    category: 'plumbing',
    description: '卫生间马桶水箱一直流水，关不住',
    reportedAgo: 3,
    steps: [
      { after: 0.1, step: { to: 'assigned', tech: technicians.plumbing, mode: 'auto' } },
      { after: 0.3, step: { to: 'accepted' } },
      { after: 1, step: { to: 'en_route' } },
      { after: 1.5, step: { to: 'in_progress' } },
    ],
  },
  {
    n: 4,
    reporter: lin,
    category: 'locks',
    description: '入户门锁芯卡住，钥匙拧不动',
    reportedAgo: 0.5,
    steps: [],
  },
  {
    n: 5,
    reporter: lin,
    category: 'lift',
    description: '电梯运行时有异响，下行时晃动明显',
    reportedAgo: 1,
    public: { area: 'lift', building: 2, deviceId: 'dev_LIFT-2-1', note: '1单元' },
    steps: [{ after: 0.05, step: { to: 'assigned', tech: technicians.lift, mode: 'auto' } }],
  },
  {
    n: 6,
    reporter: lin,
    category: 'civil',
    description: '次卧墙面掉漆起皮',
    reportedAgo: 5 * 24,
    steps: [{ after: 2, step: { to: 'cancelled', note: '自己找人处理了' } }],
  },
  {
    n: 7,
    reporter: lin,
    category: 'plumbing',
    description: '热水器进水阀漏水',
    reportedAgo: 26,
    steps: [
      { after: 0.5, step: { to: 'assigned', tech: technicians.plumbing, mode: 'grab' } },
      { after: 0.6, step: { to: 'accepted' } },
      { after: 2, step: { to: 'in_progress' } },
      { after: 2.5, step: { to: 'paused', note: '进水阀型号特殊，等待配件到货' } },
    ],
  },
];

function changeFor(order: WorkOrder, step: Step, at: number): TransitionChange {
  const tech = { kind: 'technician' as ActorKind, name: order.assigneeName ?? '' };
  switch (step.to) {
    case 'assigned': {
      const { staffId, accountId, name, level } = step.tech;
      // What smart dispatch would have written for an idle team at the time.
      const reason = `${name}: ${skillLabels[order.requiredSkill]}技能, 在班, 当前 0 单, ${level} 级, 24 小时内派 0 单`;
      return {
        to: 'assigned',
        at,
        actor: step.mode === 'grab' ? { kind: 'technician', name } : { kind: 'system', name: '系统' },
        assignee: { staffId, accountId, name },
        dispatch: {
          mode: step.mode,
          at,
          byName: step.mode === 'grab' ? name : '系统',
          summary: step.mode === 'grab' ? `${name}从抢单池接单` : `派给${name}（${reason}）`,
          reasons: step.mode === 'grab' ? [] : [reason],
        },
      };
    }
    case 'accepted':
    case 'en_route':
    case 'in_progress':
      return { to: step.to, at, actor: tech };
    case 'paused':
      return { to: 'paused', at, actor: tech, note: step.note };
    case 'completed':
      return {
        to: 'completed',
        at,
        actor: tech,
        completion: {
          cause: step.cause,
          actionsTaken: step.actionsTaken,
          parts: step.parts,
          photos: [],
          at,
          technicianId: order.assigneeId ?? '',
          technicianName: order.assigneeName ?? '',
        },
      };
    case 'closed':
      return {
        to: 'closed',
        at,
        actor: { kind: 'owner', name: order.reporter.name },
        note: step.comment,
        acceptance: { rating: step.rating, comment: step.comment, at, auto: false },
      };
    case 'cancelled':
      return { to: 'cancelled', at, actor: { kind: 'owner', name: order.reporter.name }, note: step.note };
  }
}

/** 邻里花园's 有偿维修收费标准, so a technician can quote from the first start. */
export const demoPriceList: { items: PriceItem[]; warranty: RepairWarranty } = {
  items: [
    { code: 'visit', name: '上门检修', kind: 'labour', unit: '次', unitPriceFen: fen(3000) },
    { code: 'pipe-labour', name: '水管维修人工', kind: 'labour', unit: '处', unitPriceFen: fen(5000) },
    { code: 'angle-valve', name: '更换角阀', kind: 'part', unit: '个', unitPriceFen: fen(3500) },
    { code: 'faucet', name: '更换水龙头', kind: 'part', unit: '个', unitPriceFen: fen(8800) },
    { code: 'ppr-pipe', name: 'PPR 水管', kind: 'part', unit: '米', unitPriceFen: fen(1235) },
    { code: 'socket', name: '更换插座面板', kind: 'part', unit: '个', unitPriceFen: fen(2500) },
  ],
  warranty: DEFAULT_REPAIR_WARRANTY,
};

/**
 * A handful of 邻里花园 work orders in every stage, so the 报修, staff and technician screens have
 * something to show. Idempotent: ids are fixed and existing orders are left alone.
 */
export async function seedDemoWorkorders(store: Store, now: number = Date.now()): Promise<boolean> {
  const db = collections(store);
  const { workorders, priceLists } = workorderCollections(store);
  if ((await db.estates.get(DEMO_ESTATE_ID)) && !(await priceLists.get(DEMO_ESTATE_ID)))
    await priceLists.set({ _id: DEMO_ESTATE_ID, ...demoPriceList, updatedAt: now });
  if (await workorders.get(keyId('wo', 'demo', stories.length))) return false;
  if (!(await db.estates.get(DEMO_ESTATE_ID))) throw new Error('seed the demo estate first (seedDemoData)');

  for (const story of stories) {
    const _id = keyId('wo', 'demo', story.n);
    if (await workorders.get(_id)) continue;
    const householdId = keyId('hh', DEMO_ESTATE_ID, story.reporter.roomCode);
    const household = await db.households.get(householdId);
    const account = await db.accounts.get(accountIdFor(story.reporter.openid));
    const person = account?.personId ? await db.persons.get(account.personId) : null;
    if (!household || !account) throw new Error(`demo reporter ${story.reporter.openid} is missing`);
    const buildingId = story.public
      ? keyId('bld', DEMO_ESTATE_ID, story.public.building)
      : household.buildingId;
    const location: WorkOrderLocation = story.public
      ? {
          kind: 'public',
          area: story.public.area,
          buildingId,
          buildingName: `${story.public.building}号楼`,
          deviceId: story.public.deviceId ?? null,
          note: story.public.note ?? null,
        }
      : { kind: 'household', householdId, roomCode: household.roomCode };
    const reportedAt = now - story.reportedAgo * HOUR;
    const assessed = assessPriority(story.category, story.description);
    const name = person?.name ?? account.displayName;
    let order = createWorkOrder(
      {
        _id,
        orderNo: `BX${toLocalDate(reportedAt).replaceAll('-', '')}${String(9000 + story.n)}`,
        estateId: DEMO_ESTATE_ID,
        householdId,
        location,
        locationLabel: locationLabel(location),
        locationKey: locationKey(location),
        buildingId,
        category: story.category,
        requiredSkill: requiredSkillOf[story.category],
        description: story.description,
        subject: subjectOf(story.description),
        photos: [],
        preferredTime: null,
        deviceId: location.kind === 'public' ? location.deviceId : null,
        deviceModel: story.public?.deviceId ? '奥的斯 GeN2' : null,
        source: 'owner',
        reporter: { accountId: account._id, name, phone: person?.phone ?? null },
        priority: assessed.priority,
        prioritySource: 'auto',
        priorityReasons: assessed.reasons,
        createdAt: reportedAt,
      },
      { kind: 'owner', name },
    );
    for (const { after, step } of story.steps)
      order = transitionOrder(order, changeFor(order, step, reportedAt + after * HOUR));
    await workorders.insert(order as WorkOrderDoc);

    // The completion feeds the knowledge base as a live one would; acceptance verifies it.
    await recordFix({ store }, order);
    if (order.state === 'closed') await settleFix({ store }, order._id, order.sla.round, 'verified');
  }
  return true;
}
