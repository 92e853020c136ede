import type { MeView, StaffView } from '@linli/shared';
import { DEMO_ESTATE_ID, OTHER_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';

const newTechnician = {
  name: '孙师傅',
  phone: '13700001234',
  roles: ['technician'],
  estateIds: [DEMO_ESTATE_ID],
  skills: ['locks', 'general'],
  level: 2,
  shifts: [{ weekday: 1, start: '08:00', end: '17:30' }],
};

describe('staff accounts', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await createTestRuntime();
  });
  afterEach(() => t.close());

  it('an admin adds a technician, who joins from WeChat with the code and signs in as staff', async () => {
    const invited = await t.ok<StaffView>('demo-admin', 'staff', 'save', newTechnician);
    expect(invited).toMatchObject({
      status: 'invited',
      phone: '137****1234',
      skillLabels: ['门锁', '综合维修'],
    });
    expect(invited.inviteCode).toMatch(/^[A-Z0-9]{8}$/);

    const joined = await t.ok<StaffView>('sun-wechat', 'staff', 'join', {
      code: invited.inviteCode!.toLowerCase(),
    });
    expect(joined.status).toBe('joined');
    const me = await t.ok<MeView>('sun-wechat', 'account', 'me');
    expect(me).toMatchObject({
      roles: ['technician'],
      isStaff: true,
      staffEstateIds: [DEMO_ESTATE_ID],
      displayName: '孙师傅',
    });
    expect(await t.errorCode('another', 'staff', 'join', { code: invited.inviteCode! })).toBe(
      'VERIFICATION_FAILED',
    );
  });

  it('lists the staff of an estate with skills and shifts', async () => {
    const { staff } = await t.ok<{ staff: StaffView[] }>('demo-service', 'staff', 'list', {});
    expect(staff.map((s) => s.name)).toEqual(
      expect.arrayContaining(['王经理', '李会计', '张客服', '李师傅', '赵师傅']),
    );
    expect(staff.find((s) => s.name === '李师傅')).toMatchObject({
      skillLabels: ['电梯', '电工'],
      level: 4,
      status: 'joined',
    });
  });

  it('changing roles changes what the account can do; deactivating removes staff access', async () => {
    const { staff } = await t.ok<{ staff: StaffView[] }>('demo-admin', 'staff', 'list', {});
    const lee = staff.find((s) => s.name === '李师傅')!;
    await t.ok('demo-admin', 'staff', 'save', {
      ...newTechnician,
      staffId: lee.staffId,
      name: '李师傅',
      roles: ['technician', 'service'],
    });
    expect((await t.ok<MeView>('demo-tech-lift', 'account', 'me')).roles).toEqual(['technician', 'service']);
    await t.ok('demo-admin', 'staff', 'deactivate', { staffId: lee.staffId });
    expect((await t.ok<MeView>('demo-tech-lift', 'account', 'me')).roles).toEqual([]);
    expect(await t.errorCode('demo-tech-lift', 'property', 'tree')).toBe('FORBIDDEN');
  });

  it('only admins manage staff, and only in estates they serve', async () => {
    expect(await t.errorCode('demo-service', 'staff', 'save', newTechnician)).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-owner-1', 'staff', 'list', {})).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-admin-maple', 'staff', 'save', newTechnician)).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-admin-maple', 'staff', 'list', { estateId: DEMO_ESTATE_ID })).toBe(
      'FORBIDDEN',
    );
    const maple = await t.ok<{ staff: StaffView[] }>('demo-admin-maple', 'staff', 'list', {
      estateId: OTHER_ESTATE_ID,
    });
    expect(maple.staff.map((s) => s.name)).toEqual(['周主管', '王经理']);
  });

  it('rejects an invalid shift or phone with a clear message', async () => {
    const result = await t.call('demo-admin', 'staff', 'save', {
      ...newTechnician,
      phone: '12345',
      shifts: [{ weekday: 7, start: '25:00', end: '08:00' }],
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.issues?.map((i) => i.path).sort()).toEqual([
        'phone',
        'shifts.0.start',
        'shifts.0.weekday',
      ]);
  });
});
