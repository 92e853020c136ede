import { keyId, type Shift, type Skill, type WorkOrderDetail } from '@linli/shared';
import { collections } from '@linli/cloudfunctions/src/_lib/collections';
import { DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { workorderCollections } from '@linli/cloudfunctions/src/workorder/documents';
import type { Store } from '@linli/cloudfunctions/src/_lib/store/port';
import { testClock } from './messaging';
import { createTestRuntime, type TestRuntime } from './test-runtime';

export const ESTATE = DEMO_ESTATE_ID;
/** Tuesday 1 December 2026, 10:00 in Shanghai: 李师傅 (day shift) is on, 赵师傅 (evenings) is off. */
export const TUESDAY_10AM = Date.parse('2026-12-01T02:00:00Z');
/** The same Tuesday, 20:00: 赵师傅 is on, 李师傅 is off. */
export const TUESDAY_8PM = Date.parse('2026-12-01T12:00:00Z');

export const OWNER = 'demo-owner-1';
export const OTHER_OWNER = 'demo-owner-2';
export const LIFT_TECH = 'demo-tech-lift';
export const PLUMBER = 'demo-tech-plumbing';
export const SERVICE = 'demo-service';
export const ADMIN = 'demo-admin';
export const FINANCE = 'demo-finance';
export const OTHER_ESTATE_ADMIN = 'demo-admin-maple';

export const ALL_DAY: Shift[] = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
  weekday,
  start: '00:00',
  end: '23:59',
}));
export const NEVER: Shift[] = [];

export const staffIdOf = (openid: string): string => keyId('staff', openid);

export async function workorderRuntime(start = TUESDAY_10AM) {
  const clock = testClock(start);
  const t = await createTestRuntime({ now: clock.now });
  return { t, clock };
}

/** A technician who can log in with `openid`. */
export async function addTechnician(
  store: Store,
  openid: string,
  options: { name: string; skills: Skill[]; level?: number; shifts?: Shift[]; estateIds?: string[] },
): Promise<string> {
  const db = collections(store);
  const accountId = keyId('acct', openid);
  const estateIds = options.estateIds ?? [ESTATE];
  await db.accounts.set({
    _id: accountId,
    openid,
    displayName: options.name,
    personId: null,
    staff: { roles: ['technician'], estateIds, skills: options.skills },
    createdAt: 0,
  });
  await db.staff.set({
    _id: staffIdOf(openid),
    name: options.name,
    phone: '13700000000',
    roles: ['technician'],
    estateIds,
    skills: options.skills,
    level: options.level ?? 3,
    shifts: options.shifts ?? ALL_DAY,
    accountId,
    inviteCode: null,
    active: true,
    updatedAt: 0,
  });
  return staffIdOf(openid);
}

/** Take the demo technicians off the team, so a test chooses exactly who can be sent. */
export async function retireDemoTechnicians(store: Store): Promise<void> {
  const db = collections(store);
  for (const openid of [LIFT_TECH, PLUMBER])
    await db.staff.update(staffIdOf(openid), { set: { active: false } });
}

export async function setDispatchMode(store: Store, mode: 'auto' | 'pool' | 'manual', autoCloseDays = 7) {
  await workorderCollections(store).settings.set({
    _id: ESTATE,
    dispatchMode: mode,
    autoCloseDays,
    updatedAt: 0,
  });
}

let reports = 0;

/** An owner reports a repair; descriptions differ per call so they are never duplicates. */
export function reportRepair(
  t: TestRuntime,
  input: Record<string, unknown> = {},
  openid = OWNER,
): Promise<WorkOrderDetail> {
  reports++;
  return t.ok<WorkOrderDetail>(openid, 'workorder', 'report', {
    category: 'plumbing',
    description: `厨房水龙头一直滴水（第 ${reports} 处）`,
    ...input,
  });
}
