import {
  keyId,
  type BindingQueueItem,
  type BindingView,
  type HomeView,
  type InvitationView,
  type MeView,
} from '@linli/shared';
import { buildDemoData, DEMO_ESTATE_ID } from '@linli/cloudfunctions/src/local/seed/demo-estate';
import { createTestRuntime, snapshotStore, type TestRuntime } from '../helpers/test-runtime';

/** The registered owner of a demo room, as the property company has them on file. */
function registeredOwner(roomCode: string) {
  const { seed } = buildDemoData();
  const householdId = keyId('hh', DEMO_ESTATE_ID, roomCode);
  const membership = seed.memberships.find((m) => m.householdId === householdId && m.relation === 'owner')!;
  const person = seed.persons.find((p) => p._id === membership.personId)!;
  return { householdId, name: person.name, phoneLast4: person.phone!.slice(-4) };
}

const ROOM = '3-2-0601';
const claimFor = (roomCode: string, overrides: Record<string, unknown> = {}) => {
  const owner = registeredOwner(roomCode);
  return { estateId: DEMO_ESTATE_ID, roomCode, name: owner.name, phoneLast4: owner.phoneLast4, ...overrides };
};

describe('binding a WeChat account to a home', () => {
  let t: TestRuntime;
  beforeEach(async () => {
    t = await createTestRuntime();
  });
  afterEach(() => t.close());

  it('a new owner claims with room code and phone check, staff approve, and the owner sees their home', async () => {
    const pending = await t.ok<BindingView>(
      'newcomer',
      'binding',
      'claim',
      claimFor(ROOM, { roomCode: '3栋2单元0601' }),
    );
    expect(pending).toMatchObject({
      status: 'pending',
      statusLabel: '待审核',
      roomCode: ROOM,
      estateName: '邻里花园',
    });
    // Nothing is visible before approval.
    expect(await t.errorCode('newcomer', 'property', 'myHome')).toBe('NOT_BOUND');

    const queue = await t.ok<{ items: BindingQueueItem[] }>('demo-service', 'binding', 'queue', {});
    const item = queue.items.find((i) => i.bindingId === pending.bindingId)!;
    expect(item).toMatchObject({ method: 'phone-check', applicantName: registeredOwner(ROOM).name });
    expect(item.registeredOwners).toContain(registeredOwner(ROOM).name);

    await t.ok('demo-service', 'binding', 'decide', { bindingId: pending.bindingId, decision: 'approve' });
    const me = await t.ok<MeView>('newcomer', 'account', 'me');
    expect(me.roles).toEqual(['owner']);
    expect(me.displayName).toBe(registeredOwner(ROOM).name);
    const home = await t.ok<HomeView>('newcomer', 'property', 'myHome');
    expect(home.roomCode).toBe(ROOM);
    expect(home.members.find((m) => m.isSelf)?.name).toBe(registeredOwner(ROOM).name);
  });

  it('a wrong phone check is refused with a clear message and locks out after five tries', async () => {
    const wrong = claimFor(ROOM, { phoneLast4: '0000' });
    const first = await t.call('guesser', 'binding', 'claim', wrong);
    expect(first).toMatchObject({
      ok: false,
      error: { code: 'VERIFICATION_FAILED', message: expect.stringContaining('还可尝试 4 次') as unknown },
    });
    for (let i = 0; i < 4; i++) await t.call('guesser', 'binding', 'claim', wrong);
    // Even the right answer is refused while locked out.
    expect(await t.errorCode('guesser', 'binding', 'claim', claimFor(ROOM))).toBe('RATE_LIMITED');
    expect(
      await t.store.collection('bindings').count({ where: { accountId: keyId('acct', 'guesser') } }),
    ).toBe(0);
  });

  it('a room that does not exist fails exactly like a wrong name, so rooms cannot be probed', async () => {
    const missing = await t.call('prober', 'binding', 'claim', claimFor(ROOM, { roomCode: '9-9-9999' }));
    const wrongName = await t.call('prober2', 'binding', 'claim', claimFor(ROOM, { name: '不存在' }));
    expect(missing.ok || wrongName.ok).toBe(false);
    if (!missing.ok && !wrongName.ok) expect(missing.error.message).toBe(wrongName.error.message);
  });

  it('duplicate and concurrent claims create exactly one binding', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.call('eager', 'binding', 'claim', claimFor(ROOM))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'DUPLICATE')).toBe(true);
    expect(await t.store.collection('bindings').count({ where: { accountId: keyId('acct', 'eager') } })).toBe(
      1,
    );
  });

  it('two staff deciding at once: one decision wins, the other is told it was handled', async () => {
    const pending = await t.ok<BindingView>('newcomer', 'binding', 'claim', claimFor(ROOM));
    const [a, b] = await Promise.all([
      t.call('demo-service', 'binding', 'decide', { bindingId: pending.bindingId, decision: 'approve' }),
      t.call('demo-admin', 'binding', 'decide', {
        bindingId: pending.bindingId,
        decision: 'reject',
        reason: '资料不符',
      }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ error: { code: 'PRECONDITION_FAILED' } });
  });

  it('a rejection needs a reason, frees the household to be claimed again, and stays in history', async () => {
    const pending = await t.ok<BindingView>('newcomer', 'binding', 'claim', claimFor(ROOM));
    expect(
      await t.errorCode('demo-service', 'binding', 'decide', {
        bindingId: pending.bindingId,
        decision: 'reject',
      }),
    ).toBe('VALIDATION');
    await t.ok('demo-service', 'binding', 'decide', {
      bindingId: pending.bindingId,
      decision: 'reject',
      reason: '请携带房产证到物业中心',
    });
    await t.ok('newcomer', 'binding', 'claim', claimFor(ROOM));
    const mine = await t.ok<{ bindings: BindingView[] }>('newcomer', 'binding', 'mine');
    expect(mine.bindings.map((b) => b.status).sort()).toEqual(['pending', 'rejected']);
    expect(mine.bindings.find((b) => b.status === 'rejected')?.reason).toBe('请携带房产证到物业中心');
  });

  it('only admin or service staff of the same estate decide', async () => {
    const pending = await t.ok<BindingView>('newcomer', 'binding', 'claim', claimFor(ROOM));
    const before = await snapshotStore(t.store);
    expect(
      await t.errorCode('demo-tech-lift', 'binding', 'decide', {
        bindingId: pending.bindingId,
        decision: 'approve',
      }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-admin-maple', 'binding', 'decide', {
        bindingId: pending.bindingId,
        decision: 'approve',
      }),
    ).toBe('FORBIDDEN');
    expect(
      await t.errorCode('demo-owner-1', 'binding', 'decide', {
        bindingId: pending.bindingId,
        decision: 'approve',
      }),
    ).toBe('FORBIDDEN');
    expect(await snapshotStore(t.store)).toEqual(before);
  });

  it('a printed invitation binds at once and only once', async () => {
    const { householdId } = registeredOwner(ROOM);
    const { invitations } = await t.ok<{ invitations: InvitationView[] }>(
      'demo-service',
      'binding',
      'issueInvitations',
      { householdIds: [householdId] },
    );
    const code = invitations[0]!.code;
    const bound = await t.ok<BindingView>('holder', 'binding', 'claim', { invitationCode: code });
    expect(bound).toMatchObject({ status: 'approved', roomCode: ROOM });
    expect(await t.errorCode('someone-else', 'binding', 'claim', { invitationCode: code })).toBe(
      'VERIFICATION_FAILED',
    );
  });

  it('an owner invites a family member, who is bound with the right relation', async () => {
    const me = await t.ok<MeView>('demo-owner-1', 'account', 'me');
    const invitation = await t.ok<InvitationView>('demo-owner-1', 'binding', 'inviteFamily', {
      householdId: me.households[0]!.householdId,
      relation: 'spouse',
    });
    const bound = await t.ok<BindingView>('spouse-wechat', 'binding', 'claim', {
      invitationCode: invitation.code,
    });
    expect(bound).toMatchObject({ status: 'approved', relationLabel: '配偶', roomCode: '1-1-1201' });
    const other = await t.ok<MeView>('demo-owner-2', 'account', 'me');
    expect(
      await t.errorCode('demo-owner-1', 'binding', 'inviteFamily', {
        householdId: other.households[0]!.householdId,
        relation: 'child',
      }),
    ).toBe('FORBIDDEN');
  });

  it('unbinding keeps history and removes access; nobody else can unbind you', async () => {
    const mine = await t.ok<{ bindings: BindingView[] }>('demo-owner-1', 'binding', 'mine');
    const bindingId = mine.bindings[0]!.bindingId;
    expect(await t.errorCode('demo-owner-2', 'binding', 'unbind', { bindingId })).toBe('FORBIDDEN');
    expect(await t.errorCode('demo-tech-lift', 'binding', 'unbind', { bindingId })).toBe('FORBIDDEN');
    await t.ok('demo-owner-1', 'binding', 'unbind', { bindingId });
    expect(await t.errorCode('demo-owner-1', 'property', 'myHome')).toBe('NOT_BOUND');
    const after = await t.ok<{ bindings: BindingView[] }>('demo-owner-1', 'binding', 'mine');
    expect(after.bindings[0]).toMatchObject({ status: 'revoked', reason: '本人解绑' });
  });
});
