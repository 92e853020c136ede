import {
  addCalendarDays,
  assessPriority,
  createWorkOrder,
  defaultChecklists,
  fen,
  keyId,
  locationKey,
  locationLabel,
  requiredSkillOf,
  subjectOf,
  toLocalDate,
  transitionOrder,
  type DeviceType,
  type MaintenancePlan,
  type PublicArea,
  type WorkOrderLocation,
} from '@linli/shared';
import type { Store } from '../../_lib/store/port';
import {
  facilityCollections,
  type DeviceCodeDoc,
  type DeviceDoc,
  type PlanDoc,
  type RepairDoc,
} from '../../facilities/documents';
import { deviceCategory } from '../../facilities/device-order';
import { workorderCollections, type WorkOrderDoc } from '../../workorder/documents';
import { DEMO_ESTATE_ID } from './demo-estate';

const DAY = 86_400_000;
const building = (n: number) => keyId('bld', DEMO_ESTATE_ID, n);

interface DeviceSpec {
  code: string;
  type: DeviceType;
  name: string;
  model: string;
  manufacturer: string;
  building: number | null;
  floor: number | null;
  area: PublicArea | null;
  place: string;
  installed: string;
  warrantyYears: number;
  lifeYears: number;
  costYuan: number;
  contractor: { name: string; phone: string };
}

const liftCo = { name: '上海奥的斯电梯维保部', phone: '021-50001234' };
const fireCo = { name: '浦东消防设施维保公司', phone: '021-50005678' };
const pumpCo = { name: '格兰富水泵服务站', phone: '021-50009012' };
const powerCo = { name: '张江电力工程公司', phone: '021-50003456' };
const securityCo = { name: '海康安防服务中心', phone: '400-700-5998' };

const lift = (b: number, u: number, installed: string): DeviceSpec => ({
  code: `LIFT-${b}-${u}`,
  type: 'lift',
  name: `${b}号楼${u}单元电梯`,
  model: 'GeN2-MR 1000kg',
  manufacturer: '奥的斯',
  building: b,
  floor: null,
  area: 'lift',
  place: `${b}号楼${u}单元电梯井`,
  installed,
  warrantyYears: 2,
  lifeYears: 15,
  costYuan: 380_000,
  contractor: liftCo,
});

/** About 25 devices of 邻里花园: lifts per building and unit, pumps, tanks, power, gates, cameras. */
const specs: DeviceSpec[] = [
  lift(1, 1, '2012-06-18'),
  lift(1, 2, '2012-06-18'),
  lift(2, 1, '2016-09-01'),
  lift(2, 2, '2016-09-01'),
  lift(3, 1, '2025-03-10'),
  lift(3, 2, '2025-03-10'),
  ...[1, 2].map((n): DeviceSpec => ({
    code: `FP-0${n}`,
    type: 'fire_pump',
    name: `${n}号消防泵`,
    model: 'XBD6/30-125',
    manufacturer: '上海连成',
    building: null,
    floor: -1,
    area: 'pump_room',
    place: '地下一层消防泵房',
    installed: '2016-05-20',
    warrantyYears: 2,
    lifeYears: 15,
    costYuan: 46_000,
    contractor: fireCo,
  })),
  ...[1, 2, 3].map((n): DeviceSpec => ({
    code: `WP-0${n}`,
    type: 'water_pump',
    name: n === 3 ? '二次供水加压泵' : `${n}号生活水泵`,
    model: 'CR 32-4',
    manufacturer: '格兰富',
    building: null,
    floor: -1,
    area: 'pump_room',
    place: '地下一层生活水泵房',
    installed: n === 3 ? '2024-12-05' : '2016-05-20',
    warrantyYears: n === 3 ? 2 : 1,
    lifeYears: 10,
    costYuan: 28_000,
    contractor: pumpCo,
  })),
  ...[1, 2].map((n): DeviceSpec => ({
    code: `WT-0${n}`,
    type: 'water_tank',
    name: `${n}号不锈钢生活水箱`,
    model: '60m³ SUS304',
    manufacturer: '苏州宏达',
    building: null,
    floor: -1,
    area: 'pump_room',
    place: '地下一层生活水泵房',
    installed: '2016-05-20',
    warrantyYears: 2,
    lifeYears: 20,
    costYuan: 65_000,
    contractor: pumpCo,
  })),
  ...[1, 2].map((n): DeviceSpec => ({
    code: `TR-0${n}`,
    type: 'transformer',
    name: `${n}号干式变压器`,
    model: 'SCB13-1250/10',
    manufacturer: '顺特电气',
    building: null,
    floor: -1,
    area: 'power_room',
    place: '地下一层变配电室',
    installed: '2012-05-08',
    warrantyYears: 2,
    lifeYears: 15,
    costYuan: 210_000,
    contractor: powerCo,
  })),
  {
    code: 'GEN-01',
    type: 'generator',
    name: '柴油发电机组',
    model: '400GF',
    manufacturer: '康明斯',
    building: null,
    floor: -1,
    area: 'power_room',
    place: '地下一层发电机房',
    installed: '2016-05-08',
    warrantyYears: 2,
    lifeYears: 20,
    costYuan: 320_000,
    contractor: powerCo,
  },
  ...['南门', '北门', '地库入口'].map((place, i): DeviceSpec => ({
    code: `GATE-0${i + 1}`,
    type: 'access_gate',
    name: `${place}道闸`,
    model: 'DS-TMG4B',
    manufacturer: '海康威视',
    building: null,
    floor: i === 2 ? -1 : 1,
    area: i === 2 ? 'garage' : 'gate',
    place: i === 2 ? '地下车库入口' : `小区${place}`,
    installed: i === 0 ? '2026-01-12' : '2019-07-01',
    warrantyYears: 1,
    lifeYears: 8,
    costYuan: 18_000,
    contractor: securityCo,
  })),
  ...['南门岗亭', '地库 B1 通道', '1号楼大堂'].map((place, i): DeviceSpec => ({
    code: `CAM-0${i + 1}`,
    type: 'camera',
    name: `${place}摄像头`,
    model: 'DS-2CD3T46',
    manufacturer: '海康威视',
    building: i === 2 ? 1 : null,
    floor: i === 1 ? -1 : 1,
    area: i === 1 ? 'garage' : i === 2 ? 'lobby' : 'gate',
    place,
    installed: '2019-07-01',
    warrantyYears: 3,
    lifeYears: 6,
    costYuan: 1_600,
    contractor: securityCo,
  })),
  ...[1, 2].map((n): DeviceSpec => ({
    code: `EXT-0${n}`,
    type: 'extinguisher',
    name: `${n}号楼大堂灭火器组`,
    model: 'MFZ/ABC4 ×4',
    manufacturer: '浙江信达',
    building: n,
    floor: 1,
    area: 'lobby',
    place: `${n}号楼一层大堂消防箱`,
    installed: '2022-04-01',
    warrantyYears: 1,
    lifeYears: 5,
    costYuan: 480,
    contractor: fireCo,
  })),
  {
    code: 'HVAC-01',
    type: 'hvac',
    name: '物业服务中心多联机',
    model: 'MDS-H120W',
    manufacturer: '美的',
    building: 1,
    floor: 1,
    area: null,
    place: '1号楼一层物业服务中心',
    installed: '2020-04-15',
    warrantyYears: 3,
    lifeYears: 10,
    costYuan: 42_000,
    contractor: { name: '美的中央空调服务站', phone: '400-889-9315' },
  },
];

function toDevice(spec: DeviceSpec, now: number): DeviceDoc {
  const warranty = addCalendarDays(
    `${Number(spec.installed.slice(0, 4)) + spec.warrantyYears}${spec.installed.slice(4)}`,
    -1,
  );
  return {
    _id: keyId('dev', spec.code),
    estateId: DEMO_ESTATE_ID,
    type: spec.type,
    name: spec.name,
    code: spec.code,
    model: spec.model,
    manufacturer: spec.manufacturer,
    serialNo: `SN${spec.installed.replaceAll('-', '')}${spec.code.replace(/\W/g, '')}`,
    location: {
      buildingId: spec.building ? building(spec.building) : null,
      floor: spec.floor,
      publicAreaId: spec.area,
      label: spec.place,
    },
    purchaseDate: addCalendarDays(spec.installed, -30),
    installDate: spec.installed,
    warrantyUntil: warranty,
    serviceLifeYears: spec.lifeYears,
    purchaseCost: fen(spec.costYuan * 100),
    supplier: { name: `${spec.manufacturer}华东销售`, phone: '021-60001000' },
    contractor: spec.contractor,
    photos: [],
    documents: [],
    status: 'in_service',
    note: '',
    createdAt: now - 400 * DAY,
    updatedAt: now - 400 * DAY,
    version: 0,
  };
}

function plan(
  id: string,
  fields: Omit<
    MaintenancePlan,
    '_id' | 'estateId' | 'createdAt' | 'updatedAt' | 'version' | 'generatedThrough'
  >,
  today: string,
  now: number,
): PlanDoc {
  // Demo plans are up to date as of yesterday: the first run opens today's (and lead-day) orders.
  return {
    ...fields,
    _id: keyId('mplan', 'demo', id),
    estateId: DEMO_ESTATE_ID,
    generatedThrough: addCalendarDays(today, -1),
    createdAt: now - 400 * DAY,
    updatedAt: now - 400 * DAY,
    version: 0,
  };
}

/** Failures of the old lifts (2-1 above all) that the lifecycle analysis should flag. */
const failures: Array<{ code: string; daysAgo: number; text: string; costYuan: number }> = [
  { code: 'LIFT-2-1', daysAgo: 300, text: '电梯困人，门机故障', costYuan: 6_800 },
  { code: 'LIFT-2-1', daysAgo: 170, text: '电梯平层不准，开门有台阶', costYuan: 2_400 },
  { code: 'LIFT-2-1', daysAgo: 60, text: '电梯运行异响，曳引机轴承磨损', costYuan: 18_500 },
  { code: 'LIFT-1-1', daysAgo: 120, text: '电梯按钮失灵', costYuan: 900 },
  { code: 'WP-01', daysAgo: 200, text: '生活水泵机械密封漏水', costYuan: 3_200 },
  { code: 'GATE-02', daysAgo: 45, text: '北门道闸抬杆不落', costYuan: 1_500 },
];

/** One failure of a device: a phone report, repaired and closed, with its repair cost. */
export interface DemoFailure {
  device: DeviceDoc;
  /** Unique per failure: the order is `wo_demo-dev_<key>`, the cost `drep_demo_<key>`. */
  key: string;
  /** The order number's sequence of the day. */
  seq: number;
  daysAgo: number;
  text: string;
  costYuan: number;
}

/** Closed repair orders with their costs, for the lifecycle and repair-frequency analyses. Idempotent. */
export async function insertRepairHistory(
  store: Store,
  history: readonly DemoFailure[],
  now: number,
): Promise<void> {
  const { workorders } = workorderCollections(store);
  const { repairs } = facilityCollections(store);
  for (const failure of history) {
    const device = failure.device;
    const _id = keyId('wo', 'demo-dev', failure.key);
    if (await workorders.get(_id)) continue;
    const at = now - failure.daysAgo * DAY;
    const category = deviceCategory(device);
    const location: WorkOrderLocation = {
      kind: 'public',
      area: device.location.publicAreaId ?? 'other',
      buildingId: device.location.buildingId,
      buildingName: device.location.buildingId ? `${device.code.split('-')[1]}号楼` : null,
      deviceId: device._id,
      note: `${device.name} ${device.code}`,
    };
    const assessed = assessPriority(category, failure.text);
    const tech = {
      staffId: keyId('staff', 'demo-tech-lift'),
      accountId: keyId('acct', 'demo-tech-lift'),
      name: '李师傅',
    };
    let order = createWorkOrder(
      {
        _id,
        orderNo: `BX${toLocalDate(at).replaceAll('-', '')}${String(failure.seq)}`,
        estateId: DEMO_ESTATE_ID,
        householdId: null,
        location,
        locationLabel: locationLabel(location),
        locationKey: locationKey(location),
        buildingId: device.location.buildingId,
        category,
        requiredSkill: requiredSkillOf[category],
        description: failure.text,
        subject: subjectOf(failure.text),
        photos: [],
        preferredTime: null,
        deviceId: device._id,
        deviceModel: device.model,
        source: 'phone',
        reporter: { accountId: null, name: '张客服', phone: null },
        priority: assessed.priority,
        prioritySource: 'auto',
        priorityReasons: assessed.reasons,
        createdAt: at,
      },
      { kind: 'staff', name: '张客服' },
    );
    const staff = { kind: 'staff' as const, name: '张客服' };
    const techActor = { kind: 'technician' as const, name: tech.name };
    order = transitionOrder(order, {
      to: 'assigned',
      at: at + 600_000,
      actor: staff,
      assignee: tech,
      dispatch: {
        mode: 'manual',
        at: at + 600_000,
        byName: '张客服',
        summary: `派给${tech.name}`,
        reasons: [],
      },
    });
    order = transitionOrder(order, { to: 'accepted', at: at + 900_000, actor: techActor });
    order = transitionOrder(order, { to: 'in_progress', at: at + 3_600_000, actor: techActor });
    order = transitionOrder(order, {
      to: 'completed',
      at: at + 4 * 3_600_000,
      actor: techActor,
      completion: {
        cause: failure.text,
        actionsTaken: '维保单位到场维修，试运行正常',
        parts: [],
        photos: [],
        at: at + 4 * 3_600_000,
        technicianId: tech.staffId,
        technicianName: tech.name,
      },
    });
    order = transitionOrder(order, {
      to: 'closed',
      at: at + 2 * DAY,
      actor: staff,
      acceptance: { rating: null, comment: null, at: at + 2 * DAY, auto: true },
    });
    await workorders.insert(order as WorkOrderDoc);
    const repair: RepairDoc = {
      _id: keyId('drep', 'demo', failure.key),
      estateId: DEMO_ESTATE_ID,
      deviceId: device._id,
      orderId: _id,
      amount: fen(failure.costYuan * 100),
      note: '维保单位维修费',
      at: at + 2 * DAY,
      byName: '李会计',
    };
    await repairs.set(repair);
  }
}

/**
 * 邻里花园's device ledger, a few maintenance plans and a year of failures with repair costs.
 * Idempotent: fixed ids; returns false when already seeded.
 */
export async function seedDemoFacilities(store: Store, now: number = Date.now()): Promise<boolean> {
  const { devices, deviceCodes, plans } = facilityCollections(store);
  const lastPlanId = keyId('mplan', 'demo', 'gates');
  if (await plans.get(lastPlanId)) return false;
  const today = toLocalDate(now);

  const ledger = specs.map((s) => toDevice(s, now));
  await devices.removeMany({ where: { estateId: DEMO_ESTATE_ID, _id: { in: ledger.map((d) => d._id) } } });
  await devices.insertMany(ledger);
  const codes: DeviceCodeDoc[] = ledger.map((d) => ({
    _id: keyId('devcode', DEMO_ESTATE_ID, d.code),
    estateId: DEMO_ESTATE_ID,
    deviceId: d._id,
  }));
  await deviceCodes.removeMany({ where: { _id: { in: codes.map((c) => c._id) } } });
  await deviceCodes.insertMany(codes);

  const byCode = new Map(ledger.map((d) => [d.code, d]));
  await insertRepairHistory(
    store,
    failures.map((failure, i) => ({
      ...failure,
      device: byCode.get(failure.code)!,
      key: String(i + 1),
      seq: 8000 + i,
    })),
    now,
  );

  const demoPlans: PlanDoc[] = [
    plan(
      'lift-monthly',
      {
        name: '电梯月度检查',
        target: { kind: 'type', deviceType: 'lift' },
        recurrence: { kind: 'monthly', start: '2025-01-05' },
        checklist: defaultChecklists.lift,
        responsible: { kind: 'skill', skill: 'lift' },
        leadDays: 3,
        active: true,
      },
      today,
      now,
    ),
    plan(
      'lift-semiannual',
      {
        name: '电梯半年全面保养',
        target: { kind: 'type', deviceType: 'lift' },
        recurrence: { kind: 'semi_annual', start: '2025-03-20' },
        checklist: defaultChecklists.lift,
        responsible: { kind: 'skill', skill: 'lift' },
        leadDays: 7,
        active: true,
      },
      today,
      now,
    ),
    plan(
      'fire-quarterly',
      {
        name: '消防泵季度联动测试',
        target: { kind: 'type', deviceType: 'fire_pump' },
        recurrence: { kind: 'quarterly', start: '2025-01-15' },
        checklist: defaultChecklists.fire_pump,
        responsible: { kind: 'skill', skill: 'plumbing' },
        leadDays: 5,
        active: true,
      },
      today,
      now,
    ),
    plan(
      'tank-clean',
      {
        name: '生活水箱清洗消毒',
        target: { kind: 'type', deviceType: 'water_tank' },
        recurrence: { kind: 'semi_annual', start: '2025-05-01' },
        checklist: defaultChecklists.water_tank,
        responsible: { kind: 'skill', skill: 'plumbing' },
        leadDays: 10,
        active: true,
      },
      today,
      now,
    ),
    plan(
      'gates',
      {
        name: '道闸每 30 天巡检',
        target: { kind: 'type', deviceType: 'access_gate' },
        recurrence: { kind: 'every_n_days', start: '2025-01-01', days: 30 },
        checklist: defaultChecklists.access_gate,
        responsible: { kind: 'skill', skill: 'electrical' },
        leadDays: 0,
        active: true,
      },
      today,
      now,
    ),
  ];
  // The marker plan goes last, so an interrupted seed is redone.
  for (const p of demoPlans) await plans.set(p);
  return true;
}
