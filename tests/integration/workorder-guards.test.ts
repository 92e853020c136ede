import { DAILY_REPORT_LIMIT, type WorkOrderDetail } from '@linli/shared';
import { snapshotStore, type TestRuntime } from '../helpers/test-runtime';
import {
  ADMIN,
  FINANCE,
  LIFT_TECH,
  OTHER_ESTATE_ADMIN,
  OTHER_OWNER,
  OWNER,
  PLUMBER,
  reportRepair,
  SERVICE,
  TUESDAY_8PM,
  workorderRuntime,
} from '../helpers/workorders';

describe('workorder guards: who may see and move an order, abuse limits', () => {
  let t: TestRuntime;
  let order: WorkOrderDetail;

  beforeEach(async () => {
    ({ t } = await workorderRuntime(TUESDAY_8PM));
    order = await reportRepair(t, { description: '次卧空调不制冷', category: 'hvac' });
  });
  afterEach(() => t.close());

  it('another household cannot see, cancel, confirm or reopen the order', async () => {
    const id = { orderId: order.orderId };
    expect(await t.errorCode(OTHER_OWNER, 'workorder', 'detail', id)).toBe('FORBIDDEN');
    expect(await t.errorCode(OTHER_OWNER, 'workorder', 'cancel', { ...id, reason: '恶意取消' })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode(OTHER_OWNER, 'workorder', 'confirm', { ...id, rating: 1 })).toBe('FORBIDDEN');
    expect(await t.errorCode(OTHER_OWNER, 'workorder', 'reopen', { ...id, reason: '恶意返修' })).toBe(
      'FORBIDDEN',
    );
    const theirs = await t.ok<{ items: unknown[] }>(OTHER_OWNER, 'workorder', 'mine', {});
    expect(theirs.items).toEqual([]);
  });

  it('refuses callers in the wrong role or estate', async () => {
    const id = { orderId: order.orderId };
    expect(await t.errorCode(OWNER, 'workorder', 'list', {})).toBe('FORBIDDEN');
    expect(await t.errorCode(OWNER, 'workorder', 'accept', id)).toBe('FORBIDDEN');
    expect(await t.errorCode(FINANCE, 'workorder', 'list', {})).toBe('FORBIDDEN');
    expect(
      await t.errorCode(PLUMBER, 'workorder', 'report', { category: 'other', description: '测试' }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode(SERVICE, 'workorder', 'saveSettings', {
        estateId: order.estateId,
        dispatchMode: 'pool',
        autoCloseDays: 3,
      }),
    ).toBe('FORBIDDEN');
    // 枫林苑's admin serves another estate.
    expect(await t.errorCode(OTHER_ESTATE_ADMIN, 'workorder', 'detail', id)).toBe('FORBIDDEN');
    expect(await t.errorCode(OTHER_ESTATE_ADMIN, 'workorder', 'dispatch', id)).toBe('FORBIDDEN');
    expect(await t.errorCode(OTHER_ESTATE_ADMIN, 'workorder', 'list', { estateId: order.estateId })).toBe(
      'FORBIDDEN',
    );
    expect(await t.errorCode(ADMIN, 'workorder', 'accept', id)).toBe('FORBIDDEN');
  });

  it("a technician cannot move another technician's order, and sees its phone masked", async () => {
    const leak = await reportRepair(t, { description: '洗手盆下水慢' });
    const id = { orderId: leak.orderId };
    expect(leak.assigneeName).toBe('赵师傅');
    for (const action of ['accept', 'depart', 'start', 'resume'])
      expect(await t.errorCode(LIFT_TECH, 'workorder', action, id)).toBe('FORBIDDEN');
    expect(await t.errorCode(LIFT_TECH, 'workorder', 'reject', { ...id, reason: '不是我的' })).toBe(
      'FORBIDDEN',
    );
    const seen = await t.ok<WorkOrderDetail>(LIFT_TECH, 'workorder', 'detail', id);
    expect(seen.contactPhone).toMatch(/\*\*\*\*/);
    expect(seen.actions).toEqual([]);
    const mine = await t.ok<WorkOrderDetail>(PLUMBER, 'workorder', 'detail', id);
    expect(mine.contactPhone).toMatch(/^1\d{10}$/);
    expect(mine.actions.sort()).toEqual(['accept', 'reject']);
  });

  it('refuses the same report again within a day and leaves nothing behind', async () => {
    const before = await snapshotStore(t.store);
    const again = await t.call(OWNER, 'workorder', 'report', {
      category: 'hvac',
      description: '次卧 空调不制冷！',
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'DUPLICATE' } });
    if (!again.ok) expect(again.error.message).toContain(order.orderNo);
    expect(await snapshotStore(t.store)).toEqual(before);
  });

  it(`allows ${DAILY_REPORT_LIMIT} reports a day per account; the next is refused and leaves nothing behind`, async () => {
    for (let i = 1; i < DAILY_REPORT_LIMIT; i++)
      await reportRepair(t, { category: 'civil', description: `墙面开裂第 ${i} 处` });
    const before = await snapshotStore(t.store);
    expect(
      await t.errorCode(OWNER, 'workorder', 'report', { category: 'civil', description: '墙面开裂又一处' }),
    ).toBe('RATE_LIMITED');
    expect(await snapshotStore(t.store)).toEqual(before);
    // The desk can still register it for the household (phone call).
    const byPhone = await t.ok<WorkOrderDetail>(SERVICE, 'workorder', 'createForOwner', {
      householdId: order.location.kind === 'household' ? order.location.householdId : '',
      category: 'civil',
      description: '墙面开裂又一处',
      channel: 'phone',
    });
    expect(byPhone.sourceLabel).toBe('电话报修');
    expect(byPhone.timeline[0]?.label).toBe('张客服登记报修');
  });

  it('validates places and dates against the estate', async () => {
    expect(
      await t.errorCode(OWNER, 'workorder', 'report', {
        category: 'lift',
        description: '电梯按钮失灵',
        location: { kind: 'public', area: 'lift', buildingId: 'bld_elsewhere' },
      }),
    ).toBe('VALIDATION');
    expect(
      await t.errorCode(OWNER, 'workorder', 'report', {
        category: 'lift',
        description: '电梯按钮失灵',
        preferredTime: { date: '2026-11-01', slot: 'morning' },
      }),
    ).toBe('VALIDATION');
    const publicArea = await reportRepair(t, {
      category: 'lift',
      description: '电梯按钮失灵',
      location: { kind: 'public', area: 'lift', deviceId: 'LIFT-1-1', note: '1 单元' },
    });
    expect(publicArea.locationLabel).toBe('电梯 1 单元（设备 LIFT-1-1）');
  });
});
