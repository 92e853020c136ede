import { keyId, type BindingView } from '@linli/shared';
import { buildDemoData, DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { createTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { acceptSubscription, accountOf, outboxMessages, runJob, testClock } from '../helpers/messaging';

const ROOM = '3-2-0601';

function claimFor(roomCode: string) {
  const { seed } = buildDemoData();
  const householdId = keyId('hh', DEMO_ESTATE_ID, roomCode);
  const membership = seed.memberships.find((m) => m.householdId === householdId && m.relation === 'owner')!;
  const person = seed.persons.find((p) => p._id === membership.personId)!;
  return { estateId: DEMO_ESTATE_ID, roomCode, name: person.name, phoneLast4: person.phone!.slice(-4) };
}

describe('features notify through the message service', () => {
  let t: TestRuntime;
  let clock: ReturnType<typeof testClock>;
  beforeEach(async () => {
    clock = testClock();
    t = await createTestRuntime({ now: clock.now });
  });
  afterEach(() => t.close());

  it('a binding decision sends the applicant 审核结果通知 when they subscribed while claiming', async () => {
    const claim = await t.ok<BindingView>('newcomer', 'binding', 'claim', claimFor(ROOM));
    await acceptSubscription(t, 'newcomer', ['binding_decided']); // the after_binding_claim moment
    await t.ok('demo-service', 'binding', 'decide', { bindingId: claim.bindingId, decision: 'approve' });
    await runJob(t, 'deliverOutbox', clock.now);
    const [message] = await outboxMessages(t, { kind: 'binding_decided' });
    expect(message).toMatchObject({
      toAccountId: accountOf('newcomer'),
      status: 'sent',
      fields: { 申请事项: `绑定 邻里花园 ${ROOM}`, 审核结果: '已通过', 备注: '现在可以查看房屋、缴费和报修' },
    });
  });

  it('a rejection without quota is kept for staff, and the decision stands', async () => {
    const claim = await t.ok<BindingView>('newcomer', 'binding', 'claim', claimFor(ROOM));
    const decided = await t.ok<BindingView>('demo-service', 'binding', 'decide', {
      bindingId: claim.bindingId,
      decision: 'reject',
      reason: '姓名与登记不符',
    });
    expect(decided.status).toBe('rejected');
    const [message] = await outboxMessages(t, { kind: 'binding_decided' });
    expect(message).toMatchObject({
      status: 'no_quota',
      fields: { 审核结果: '未通过', 备注: '姓名与登记不符' },
    });
  });
});
