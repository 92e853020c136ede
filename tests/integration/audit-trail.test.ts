import type { AuditEntryView } from '@linli/shared';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';

describe('audit trail view', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime();
    await t.ok('demo-admin', 'staff', 'save', {
      name: '孙师傅',
      phone: '13700001234',
      roles: ['technician'],
      estateIds: ['est_linli_garden'],
    });
  });
  afterAll(() => t.close());

  it('shows an admin who changed what, newest first, filterable by collection', async () => {
    const { entries } = await t.ok<{ entries: AuditEntryView[] }>('demo-admin', 'audit', 'list', {
      collection: 'staff',
    });
    expect(entries[0]).toMatchObject({ actorName: '王经理', action: 'staff.save', op: 'set', before: null });
    expect(entries[0]!.after).toMatchObject({ name: '孙师傅', phone: '13700001234' });
  });

  it('is for admins only', async () => {
    expect(await t.errorCode('demo-finance', 'audit', 'list', {})).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-owner-1', 'audit', 'list', {})).toBe('FORBIDDEN');
  });
});
