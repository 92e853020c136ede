/**
 * The CloudBase adapter against a local stand-in for CloudBase's HTTP API: the real
 * @cloudbase/node-sdk builds and sends every request, the stand-in records it and answers with
 * the envelopes the SDK expects (read from @cloudbase/database's query/document/transaction
 * sources). The assertions pin the exact queries the adapter sends.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '@linli/shared';
import { createCloudbaseStore } from '@linli/cloudfunctions/src/_lib/store/cloudbase';
import type { Store } from '@linli/cloudfunctions/src/_lib/store/port';

type Body = Record<string, unknown>;
interface Recorded {
  path: string;
  env: string | null;
  body: Body;
}
/** What the stand-in answers for one request; undefined falls back to a plain success. */
type Answer = (body: Body) => unknown;

/** Success envelopes per action, as @cloudbase/database reads them. */
function defaultAnswer(body: Body): unknown {
  switch (body.action) {
    case 'database.getDocument':
      return { requestId: 'r', data: { list: [] } };
    case 'database.calculateDocument':
      return { requestId: 'r', data: { total: 0 } };
    case 'database.insertDocument':
      return { requestId: 'r', data: { insertedIds: [] } };
    case 'database.modifyDocument':
      return { requestId: 'r', data: { updated: 1, upsert_id: null } };
    case 'database.removeDocument':
      return { requestId: 'r', data: { deleted: 1 } };
    case 'database.startTransaction':
      return { requestId: 'r', transactionId: 'tx-1' }; // at the top level, not under `data`
    default:
      return { requestId: 'r' };
  }
}

/** Documents go back as EJSON strings; plain JSON is valid (relaxed) EJSON. */
const list = (...docs: Body[]) => ({
  requestId: 'r',
  data: { list: docs.map((doc) => JSON.stringify(doc)) },
});
/** Queries, orders, projections and update data travel as canonical EJSON strings. */
const ejson = (value: unknown) => JSON.parse(value as string) as unknown;
const int = (n: number) => ({ $numberInt: String(n) });
/** An EJSON string, decoded and compared separately. */
const aString: unknown = expect.any(String);

let server: Server;
let requests: Recorded[];
let answers: Answer[];
let store: Store;

const platformFlag = process.env.TENCENTCLOUD;

beforeAll(async () => {
  // Outside Tencent Cloud the SDK probes metadata.tencentyun.com before every request (two
  // 30 ms timeouts, DNS lookups that outlive the test run). This flag only skips that probe;
  // it changes nothing on the wire but the X-TCB-Source header.
  process.env.TENCENTCLOUD = 'true';
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = JSON.parse(raw) as Body;
      requests.push({ path: url.pathname, env: url.searchParams.get('env'), body });
      const answer = answers.shift();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(answer?.(body) ?? defaultAnswer(body)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  if (platformFlag === undefined) delete process.env.TENCENTCLOUD;
  else process.env.TENCENTCLOUD = platformFlag;
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections(); // the SDK keeps connections alive
  });
});

beforeEach(() => {
  requests = [];
  answers = [];
  const { port } = server.address() as AddressInfo;
  // No secretId/secretKey: the adapter must supply dummies or Node 20 dies of an unhandled rejection.
  store = createCloudbaseStore({ env: 'linli-test', serviceUrl: `http://127.0.0.1:${port}/admin` });
});

/** The request fields the adapter decides; the SDK's own (envName, tokens) are left out. */
function sent(index: number): Body {
  const recorded = requests[index];
  if (!recorded) throw new Error(`No request #${index}; got ${requests.length}`);
  const {
    envName: _env,
    wxCloudApiToken: _a,
    wxCloudbaseAccesstoken: _b,
    tcb_sessionToken: _c,
    crossAuthorizationToken: _d,
    ...rest
  } = recorded.body;
  return rest;
}

describe('CloudBase adapter on the wire', () => {
  it('posts to /admin with the env in the query string', async () => {
    await store.collection('bills').get('b1');
    expect(requests[0]).toMatchObject({ path: '/admin', env: 'linli-test', body: { envName: 'linli-test' } });
  });

  it('sends find as one getDocument with filter, sort plus _id, limit + 1 and projection', async () => {
    answers.push(() =>
      list(
        { _id: 'b1', status: 'open', amount: 300 },
        { _id: 'b2', status: 'open', amount: 300 },
        { _id: 'b3', status: 'open', amount: 100 },
      ),
    );
    const page = await store.collection('bills').find(
      {
        where: { estateId: 'e1', amount: { gte: 100, lt: 2.5e4 }, paidAt: null },
        or: [{ status: 'open' }, { 'owner.vip': true, status: { in: ['overdue', 'open'] } }],
      },
      { sort: [['amount', 'desc']], limit: 2, fields: ['status'] },
    );
    expect(sent(0)).toEqual({
      action: 'database.getDocument',
      collectionName: 'bills',
      queryType: 'WHERE',
      query: aString,
      order: aString,
      limit: 3,
      projection: aString,
    });
    expect(ejson(sent(0).query)).toEqual({
      $and: [
        { estateId: 'e1' },
        { amount: { $gte: int(100) } },
        { amount: { $lt: int(25000) } },
        { paidAt: null },
        { $or: [{ status: 'open' }, { 'owner.vip': true, status: { $in: ['overdue', 'open'] } }] },
      ],
    });
    expect(ejson(sent(0).order)).toEqual({ amount: int(-1), _id: int(1) });
    expect(Object.keys(ejson(sent(0).order) as Body)).toEqual(['amount', '_id']); // key order is sort priority
    // Sort fields are fetched to build the cursor, then dropped from the items.
    expect(ejson(sent(0).projection)).toEqual({ status: int(1), amount: int(1), _id: int(1) });
    expect(page.items).toEqual([
      { _id: 'b1', status: 'open' },
      { _id: 'b2', status: 'open' },
    ]);
    expect(page.next).toBeDefined();

    await store
      .collection('bills')
      .find({ where: { estateId: 'e1' } }, { sort: [['amount', 'desc']], limit: 2, after: page.next });
    expect(ejson(sent(1).query)).toEqual({
      $and: [
        { estateId: 'e1' },
        // Descending, null/missing sort last: after 300 come smaller amounts, then nulls, then ties on _id.
        {
          $or: [
            { amount: { $lt: int(300) } },
            { amount: null },
            { $and: [{ amount: int(300) }, { _id: { $gt: 'b2' } }] },
          ],
        },
      ],
    });
  });

  it('continues after a null sort value with $ne null ascending and nothing more descending', async () => {
    answers.push(() => list({ _id: 'a' }, { _id: 'b', rank: null }));
    const { next } = await store.collection('bills').find({}, { sort: [['rank', 'asc']], limit: 1 });
    await store.collection('bills').find({}, { sort: [['rank', 'asc']], limit: 1, after: next });
    expect(ejson(sent(1).query)).toEqual({
      $or: [{ rank: { $ne: null } }, { $and: [{ rank: null }, { _id: { $gt: 'a' } }] }],
    });
  });

  it('asks for 1000 at the cap rather than 1001, which the SDK would clamp', async () => {
    await store.collection('bills').find({}, { limit: 1000 });
    expect(sent(0)).toMatchObject({ limit: 1000, query: '{}' });
  });

  it('refuses an oversized page before sending anything', async () => {
    await expect(store.collection('bills').find({}, { limit: 1001 })).rejects.toMatchObject({
      code: 'STORE_LIMIT',
    });
    expect(requests).toHaveLength(0);
  });

  it('counts with calculateDocument and the compiled filter', async () => {
    answers.push(() => ({ requestId: 'r', data: { total: 7 } }));
    expect(
      await store
        .collection('bills')
        .count({ where: { status: { nin: ['void'] }, note: { exists: false } } }),
    ).toBe(7);
    expect(sent(0)).toEqual({
      action: 'database.calculateDocument',
      collectionName: 'bills',
      queryType: 'WHERE',
      query: aString,
    });
    expect(ejson(sent(0).query)).toEqual({ status: { $nin: ['void'] }, note: { $exists: false } });
  });

  it('inserts with add() carrying the _id, and maps a duplicate key to DUPLICATE', async () => {
    await store.collection('bills').insert({ _id: 'b1', amount: 21040, ratio: 0.5, tags: ['a'] });
    expect(sent(0)).toEqual({ action: 'database.insertDocument', collectionName: 'bills', data: [aString] });
    expect(ejson((sent(0).data as string[])[0])).toEqual({
      _id: 'b1',
      amount: int(21040),
      ratio: { $numberDouble: '0.5' },
      tags: ['a'],
    });

    answers.push(() => ({
      code: 'DATABASE_REQUEST_FAILED',
      message: 'E11000 duplicate key error collection: bills index: _id_ dup key',
    }));
    const byMessage = store.collection('bills').insert({ _id: 'b1' });
    await expect(byMessage).rejects.toBeInstanceOf(AppError);
    await expect(byMessage).rejects.toMatchObject({ code: 'DUPLICATE' });
    answers.push(() => ({ code: 'DATABASE_DUPLICATE_WRITE', message: 'duplicate' }));
    await expect(store.collection('bills').insert({ _id: 'b1' })).rejects.toMatchObject({
      code: 'DUPLICATE',
    });
  });

  it('creates a missing collection on first write and reads a missing one as empty', async () => {
    const missing = () => ({ code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'collection not exists' });
    answers.push(missing);
    expect(await store.collection('fresh').get('x')).toBeNull();
    answers.push(missing);
    await store.collection('fresh').insert({ _id: 'x' });
    expect(requests.map((r) => r.body.action)).toEqual([
      'database.getDocument',
      'database.insertDocument',
      'database.addCollection',
      'database.insertDocument',
    ]);
    expect(sent(2)).toEqual({ action: 'database.addCollection', collectionName: 'fresh' });
  });

  it('sends compare-and-set as a WHERE update on _id plus the condition, false when none updated', async () => {
    answers.push(() => ({ requestId: 'r', data: { updated: 0 } }));
    const changed = await store.collection('jobs').update(
      'job-1',
      {
        set: { status: 'running', owner: { id: 't1' } },
        inc: { version: 1 },
        unset: ['error'],
        push: { log: ['claimed', 1] },
      },
      { status: 'pending', version: 3 },
    );
    expect(changed).toBe(false);
    expect(sent(0)).toEqual({
      action: 'database.modifyDocument',
      collectionName: 'jobs',
      queryType: 'WHERE',
      query: aString,
      data: aString,
      multi: true,
      merge: true,
      upsert: false,
    });
    expect(ejson(sent(0).query)).toEqual({ _id: 'job-1', status: 'pending', version: int(3) });
    expect(ejson(sent(0).data)).toEqual({
      // An object value is set whole ($set owner), not merged field by field.
      $set: { status: 'running', owner: { id: 't1' } },
      $inc: { version: int(1) },
      $unset: { error: '' },
      // One value appended, even an array.
      $push: { log: { $each: [['claimed', int(1)]] } },
    });
  });

  it('sends inc by id as a DOC update with $inc', async () => {
    expect(await store.collection('counters').update('c', { inc: { n: 1, 'stats.total': -2.5 } })).toBe(true);
    expect(sent(0)).toEqual({
      action: 'database.modifyDocument',
      collectionName: 'counters',
      queryType: 'DOC',
      query: '{"_id":"c"}',
      data: aString,
      multi: false,
      merge: true,
      upsert: false,
    });
    expect(ejson(sent(0).data)).toEqual({ $inc: { n: int(1), 'stats.total': { $numberDouble: '-2.5' } } });
  });

  it('replaces a document with set() as an upserting DOC modify without _id in the data', async () => {
    await store.collection('bills').set({ _id: 'b1', status: 'open' });
    expect(sent(0)).toEqual({
      action: 'database.modifyDocument',
      collectionName: 'bills',
      queryType: 'DOC',
      query: '{"_id":"b1"}',
      data: '{"status":"open"}',
      multi: false,
      merge: false,
      upsert: true,
    });
  });

  it('runs a transaction as start, doc-level operations carrying its id, then commit', async () => {
    answers.push(
      () => ({ requestId: 'r', transactionId: 'tx-9' }),
      () => list({ _id: 'bill1', status: 'open' }),
    );
    const result = await store.transaction(async (tx) => {
      const bill = await tx.collection('bills').get('bill1');
      await tx.collection('bills').update('bill1', { set: { status: 'paid' } });
      await tx.collection('orders').insert({ _id: 'o1', bill: bill?._id ?? null });
      return bill;
    });
    expect(result).toEqual({ _id: 'bill1', status: 'open' });
    expect(requests.map((r) => r.body.action)).toEqual([
      'database.startTransaction',
      'database.getDocument',
      'database.modifyDocument',
      'database.insertDocument',
      'database.commitTransaction',
    ]);
    expect(sent(1)).toEqual({
      action: 'database.getDocument',
      collectionName: 'bills',
      queryType: 'DOC',
      query: '{"_id":"bill1"}',
      multi: false,
      transactionId: 'tx-9',
    });
    expect(sent(2)).toMatchObject({
      queryType: 'DOC',
      query: '{"_id":"bill1"}',
      transactionId: 'tx-9',
      data: '{"$set":{"status":"paid"}}',
    });
    expect(sent(3)).toEqual({
      action: 'database.insertDocument',
      collectionName: 'orders',
      data: ['{"_id":"o1","bill":"bill1"}'],
      transactionId: 'tx-9',
    });
    expect(sent(4)).toEqual({ action: 'database.commitTransaction', transactionId: 'tx-9' });
  });

  it('aborts the transaction and rethrows when work throws', async () => {
    const failure = new AppError('PRECONDITION_FAILED');
    await expect(
      store.transaction(async (tx) => {
        await tx.collection('bills').update('bill1', { set: { status: 'paid' } });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(requests.map((r) => r.body.action)).toEqual([
      'database.startTransaction',
      'database.modifyDocument',
      'database.abortTransaction',
    ]);
    expect(sent(2)).toEqual({ action: 'database.abortTransaction', transactionId: 'tx-1' });
  });

  it('runs work again when the commit reports a transaction conflict', async () => {
    answers.push(
      () => ({ requestId: 'r', transactionId: 'tx-1' }),
      () => undefined,
      () => ({ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'conflict' }),
    );
    let runs = 0;
    await store.transaction(async (tx) => {
      runs++;
      await tx.collection('counters').update('c', { inc: { n: 1 } });
    });
    expect(runs).toBe(2);
    expect(requests.map((r) => r.body.action)).toEqual([
      'database.startTransaction',
      'database.modifyDocument',
      'database.commitTransaction',
      'database.startTransaction',
      'database.modifyDocument',
      'database.commitTransaction',
    ]);
  });

  it('checks insertMany ids first and writes nothing when one exists', async () => {
    answers.push(() => list({ _id: 'b2' }));
    await expect(store.collection('bills').insertMany([{ _id: 'b1' }, { _id: 'b2' }])).rejects.toMatchObject({
      code: 'DUPLICATE',
    });
    expect(requests.map((r) => r.body.action)).toEqual(['database.getDocument']);
    expect(ejson(sent(0).query)).toEqual({ _id: { $in: ['b1', 'b2'] } });
    expect(ejson(sent(0).projection)).toEqual({ _id: int(1) });
  });
});
