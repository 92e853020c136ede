import { AppError, contract } from '@linli/shared';
import { z } from 'zod';
import { AUDIT_COLLECTION, type AuditEntry } from '@linli/cloudfunctions/src/_lib/audit';
import { defineFunction } from '@linli/cloudfunctions/src/_lib/define-function';
import { functions } from '@linli/cloudfunctions/src/functions';
import { createRuntime } from '@linli/cloudfunctions/src/local/runtime';
import { createMemoryLogger } from '@linli/cloudfunctions/src/_lib/logger';
import { createTestRuntime, snapshotStore, type TestRuntime } from '../helpers/test-runtime';

/** A function made for these tests: a staff write, an owner write, and a crash. */
const notes = defineFunction(
  'notes',
  {
    write: contract<{ id: string }>()({
      input: z.object({ id: z.string().min(1), text: z.string().max(20) }).strict(),
      access: { roles: ['admin', 'service'] },
      summary: 'test: staff write',
    }),
    ownerWrite: contract<{ id: string }>()({
      input: z.object({ id: z.string() }).strict(),
      access: { roles: ['owner'] },
      summary: 'test: owner write',
    }),
    crash: contract<never>()({ input: z.object({}).strict(), access: 'signed-in', summary: 'test: bug' }),
    refuse: contract<never>()({
      input: z.object({}).strict(),
      access: 'signed-in',
      summary: 'test: typed failure',
    }),
  },
  {
    async write(input, ctx) {
      await ctx.store.collection('notes').insert({ _id: input.id, text: input.text });
      await ctx.store.collection('notes').update(input.id, { set: { text: `${input.text}!` } });
      return { id: input.id };
    },
    async ownerWrite(input, ctx) {
      await ctx.store.collection('notes').insert({ _id: input.id, text: 'owner' });
      return { id: input.id };
    },
    crash() {
      throw new TypeError('secret internals at /srv/app.js:12');
    },
    refuse() {
      throw new AppError('PRECONDITION_FAILED', '账单已支付，不能作废');
    },
  },
);

describe('action framework', () => {
  let t: TestRuntime;
  let call: ReturnType<typeof createRuntime>['call'];
  let logs: string[];
  beforeEach(async () => {
    t = await createTestRuntime();
    const log = createMemoryLogger();
    logs = log.lines;
    call = createRuntime({ store: t.store, log, functions: { ...functions, notes } }).call;
  });
  afterEach(() => t.close());

  it('audits every staff write with who, what, when, before and after', async () => {
    const result = await call('notes', 'write', { id: 'n1', text: '你好' }, { openid: 'demo-service' });
    expect(result.ok).toBe(true);
    const entries = (
      await t.store.collection<AuditEntry>(AUDIT_COLLECTION).find({}, { sort: [['at', 'asc']] })
    ).items;
    expect(entries.map((e) => e.op)).toEqual(['insert', 'update']);
    expect(entries[1]).toMatchObject({
      actorName: '张客服',
      roles: ['service'],
      action: 'notes.write',
      collection: 'notes',
      docId: 'n1',
      before: { _id: 'n1', text: '你好' },
      after: { _id: 'n1', text: '你好!' },
    });
    expect(typeof entries[0]!.requestId).toBe('string');
  });

  it('does not audit an owner write as a staff change', async () => {
    await call('notes', 'ownerWrite', { id: 'n2' }, { openid: 'demo-owner-1' });
    expect(await t.store.collection(AUDIT_COLLECTION).count()).toBe(0);
  });

  it('answers an unexpected exception with a generic error and a request id, logging the details', async () => {
    const result = await call('notes', 'crash', {}, { openid: 'demo-owner-1' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message: '系统繁忙，请稍后再试',
        requestId: expect.stringMatching(/^req_/) as unknown,
      },
    });
    expect(JSON.stringify(result)).not.toContain('secret internals');
    const requestId = (result as { error: { requestId: string } }).error.requestId;
    expect(logs.some((line) => line.includes(requestId) && line.includes('secret internals'))).toBe(true);
  });

  it('passes a typed failure through with its own message', async () => {
    const result = await call('notes', 'refuse', {}, { openid: 'demo-owner-1' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION_FAILED', message: '账单已支付，不能作废' },
    });
  });

  it('rejects an unknown action or function with UNKNOWN_ACTION', async () => {
    expect(await t.errorCode('demo-admin', 'property', 'dropEverything')).toBe('UNKNOWN_ACTION');
    expect(await t.errorCode('demo-admin', 'nope', 'me')).toBe('UNKNOWN_ACTION');
    expect(await t.errorCode('demo-admin', 'property', '__proto__')).toBe('UNKNOWN_ACTION');
  });

  it('names each invalid field in Chinese and writes nothing', async () => {
    const before = await snapshotStore(t.store);
    const result = await call(
      'notes',
      'write',
      { id: '', text: 'x'.repeat(30), extra: 1 },
      { openid: 'demo-admin' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.issues?.map((i) => i.path).sort()).toEqual(['', 'id', 'text']);
    expect(await snapshotStore(t.store)).toEqual(before);
  });
});

describe('every declared action', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime();
  });
  afterAll(() => t.close());

  const cases = Object.values(functions).flatMap((fn) =>
    Object.entries(fn.contracts).map(([action, c]) => ({ fn: fn.name, action, access: c.access })),
  );

  it.each(cases)(
    '$fn / $action rejects a malformed input with VALIDATION and writes nothing',
    async ({ fn, action, access }) => {
      const owner = typeof access === 'object' && !access.roles.some((r) => r !== 'owner');
      // Actions only technicians may call (field work) are tried by a technician.
      const technician = typeof access === 'object' && !access.roles.some((r) => r !== 'technician');
      const openid = owner ? 'demo-owner-1' : technician ? 'demo-tech-lift' : 'demo-admin';
      const ref = access === 'trigger' ? { trigger: true as const } : { openid };
      // prime the caller's account so the snapshot compares only what the action did
      await t.call(openid, 'account', 'me');
      // null means "no input" on the wire: a valid call (a scheduler tick runs its jobs), made
      // before the snapshot so only the malformed inputs are checked for writing nothing
      await t.runtime.call(fn, action, null, ref);
      const before = await snapshotStore(t.store);
      for (const input of [42, 'x', [1]]) {
        const result = await t.runtime.call(fn, action, input, ref);
        expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
      expect(await snapshotStore(t.store)).toEqual(before);
    },
  );

  it.each(cases.filter((c) => typeof c.access === 'object' && !c.access.roles.includes('owner')))(
    '$fn / $action is FORBIDDEN to an owner',
    async ({ fn, action }) => {
      expect(await t.errorCode('demo-owner-1', fn, action, {})).toBe('FORBIDDEN');
    },
  );

  it.each(cases.filter((c) => c.access === 'trigger'))(
    '$fn / $action is FORBIDDEN to every user, even an admin',
    async ({ fn, action }) => {
      expect(await t.errorCode('demo-admin', fn, action, {})).toBe('FORBIDDEN');
    },
  );
});
