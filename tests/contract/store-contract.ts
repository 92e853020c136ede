/**
 * The data port's contract, as one jest suite any adapter can run: SQLite always, CloudBase
 * when credentials are present. Every behaviour handlers may rely on is pinned here, failures
 * included, so the two adapters cannot drift apart silently.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { AppError } from '@linli/shared';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type Collection,
  type Doc,
  type QueryFilter,
  type Store,
} from '@linli/cloudfunctions/src/_lib/store/port';

export interface StoreContractOptions {
  /** Prepended to every collection name, to keep runs apart on a shared database. */
  collectionPrefix?: string;
  /** node-sdk cannot list CloudBase collections; such adapters skip that test. */
  listsCollections?: boolean;
  /** Per-test timeout; a real cloud needs more than the default. */
  timeoutMs?: number;
}

/** Called after each test, before `close`, with every collection name the test used. */
export type StoreContractCleanup = (store: Store, collections: string[]) => Promise<void>;

type Row = Doc & Record<string, unknown>;

const ids = (docs: Array<{ _id: string }>) => docs.map((d) => d._id);
const sortedIds = (docs: Array<{ _id: string }>) => ids(docs).sort();

async function all(collection: Collection<Row>, filter?: QueryFilter): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | undefined;
  do {
    const page = await collection.find(filter, { limit: MAX_PAGE_SIZE, after });
    rows.push(...page.items);
    after = page.next;
  } while (after);
  return rows;
}

/** Every page of a sorted query, checking page sizes on the way. */
async function pages(
  collection: Collection<Row>,
  filter: QueryFilter | undefined,
  sort: Array<[string, 'asc' | 'desc']>,
  limit: number,
) {
  const seen: Row[] = [];
  const sizes: number[] = [];
  let after: string | undefined;
  do {
    const page = await collection.find(filter, { sort, limit, after });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    sizes.push(page.items.length);
    seen.push(...page.items);
    after = page.next;
  } while (after);
  return { seen, sizes };
}

/** The port's order: null/missing lowest, then numbers; `_id` ascending breaks ties. */
function expectedOrder(docs: Row[], field: string, direction: 'asc' | 'desc'): string[] {
  const value = (doc: Row) => {
    const v = doc[field];
    return typeof v === 'number' ? v : null;
  };
  return [...docs]
    .sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x !== y) {
        const ascending = x === null ? -1 : y === null ? 1 : x - y;
        return direction === 'asc' ? ascending : -ascending;
      }
      return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
    })
    .map((doc) => doc._id);
}

export function describeStoreContract(
  name: string,
  makeStore: () => Promise<Store>,
  cleanup?: StoreContractCleanup,
  options: StoreContractOptions = {},
): void {
  const prefix = options.collectionPrefix ?? '';
  const timeout = options.timeoutMs;

  describe(`${name}: the data port contract`, () => {
    let store: Store;
    let used: string[];

    beforeEach(async () => {
      store = await makeStore();
      used = [];
    }, timeout);

    afterEach(async () => {
      await cleanup?.(store, used);
      await store.close();
    }, timeout);

    function named(base: string): string {
      const full = `${prefix}${base}`;
      if (!used.includes(full)) used.push(full);
      return full;
    }
    const col = (base: string) => store.collection<Row>(named(base));

    describe('documents by id', () => {
      it(
        'returns an inserted document with every JSON value intact',
        async () => {
          const doc: Row = {
            _id: 'r1',
            name: '邻里花园 🏠',
            amount: 21040,
            ratio: 0.125,
            negative: -5,
            zero: 0,
            yes: true,
            no: false,
            nothing: null,
            list: [1, 'two', null, { three: 3 }],
            nested: { deep: { deeper: 'x' } },
            emptyObject: {},
            emptyList: [],
          };
          await col('docs').insert(doc);
          expect(await col('docs').get('r1')).toEqual(doc);
        },
        timeout,
      );

      it(
        'returns null for an unknown id, also in a collection never written',
        async () => {
          await col('docs').insert({ _id: 'r1' });
          expect(await col('docs').get('nope')).toBeNull();
          expect(await col('never_written').get('r1')).toBeNull();
          expect(await col('never_written').find()).toEqual({ items: [] });
          expect(await col('never_written').count()).toBe(0);
        },
        timeout,
      );

      it(
        'refuses to insert an existing _id with DUPLICATE and keeps the original',
        async () => {
          await col('docs').insert({ _id: 'r1', v: 1 });
          const attempt = col('docs').insert({ _id: 'r1', v: 2 });
          await expect(attempt).rejects.toBeInstanceOf(AppError);
          await expect(attempt).rejects.toMatchObject({ code: 'DUPLICATE' });
          expect(await col('docs').get('r1')).toEqual({ _id: 'r1', v: 1 });
        },
        timeout,
      );

      it(
        'set inserts a missing document and replaces an existing one entirely',
        async () => {
          await col('docs').set({ _id: 'r1', a: 1, b: 2 });
          expect(await col('docs').get('r1')).toEqual({ _id: 'r1', a: 1, b: 2 });
          await col('docs').set({ _id: 'r1', c: 3 });
          expect(await col('docs').get('r1')).toEqual({ _id: 'r1', c: 3 });
        },
        timeout,
      );

      it(
        'remove deletes one document and tells whether it existed',
        async () => {
          await col('docs').insertMany([{ _id: 'r1' }, { _id: 'r2' }]);
          expect(await col('docs').remove('r1')).toBe(true);
          expect(await col('docs').remove('r1')).toBe(false);
          expect(await col('never_written').remove('r1')).toBe(false);
          expect(sortedIds(await all(col('docs')))).toEqual(['r2']);
        },
        timeout,
      );

      it(
        'refuses documents that are not plain JSON before writing anything',
        async () => {
          const docs = col('docs');
          await expect(docs.insert({ _id: 'd1', at: new Date() })).rejects.toThrow(TypeError);
          await expect(docs.insert({ _id: 'd2', amount: Number.NaN })).rejects.toThrow(TypeError);
          await expect(docs.insert({ _id: 'd3', nested: { $where: 'x' } })).rejects.toThrow(TypeError);
          await expect(docs.insert({ _id: '' })).rejects.toThrow(TypeError);
          await expect(docs.set({ _id: 'd4', list: [undefined] })).rejects.toThrow(TypeError);
          expect(await docs.count()).toBe(0);
        },
        timeout,
      );

      it(
        'drops undefined fields, as JSON and the CloudBase SDK do',
        async () => {
          await col('docs').insert({ _id: 'r1', kept: 1, dropped: undefined });
          expect(await col('docs').get('r1')).toEqual({ _id: 'r1', kept: 1 });
        },
        timeout,
      );
    });

    describe('insertMany', () => {
      it(
        'writes every document',
        async () => {
          await col('docs').insertMany([{ _id: 'a' }, { _id: 'b', v: 2 }]);
          expect(await all(col('docs'))).toEqual([{ _id: 'a' }, { _id: 'b', v: 2 }]);
        },
        timeout,
      );

      it(
        'writes nothing when one _id already exists',
        async () => {
          await col('docs').insert({ _id: 'b', v: 'original' });
          await expect(
            col('docs').insertMany([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]),
          ).rejects.toMatchObject({ code: 'DUPLICATE' });
          expect(await all(col('docs'))).toEqual([{ _id: 'b', v: 'original' }]);
        },
        timeout,
      );

      it(
        'writes nothing when the batch repeats an _id',
        async () => {
          await expect(
            col('docs').insertMany([{ _id: 'a' }, { _id: 'b' }, { _id: 'a' }]),
          ).rejects.toMatchObject({ code: 'DUPLICATE' });
          expect(await col('docs').count()).toBe(0);
        },
        timeout,
      );

      it(
        'accepts an empty list and writes nothing',
        async () => {
          await col('docs').insertMany([]);
          expect(await col('docs').count()).toBe(0);
        },
        timeout,
      );
    });

    describe('filters', () => {
      const FILTER_DOCS: Row[] = [
        {
          _id: 'a',
          amount: 100,
          label: '100',
          status: 'open',
          paid: true,
          owner: { name: '陈', floor: 12 },
          note: null,
        },
        { _id: 'b', amount: 250, label: '9', status: 'open', paid: false, owner: { name: '林', floor: 3 } },
        { _id: 'c', amount: 9, label: '10', status: 'closed', paid: true, note: 'x' },
        {
          _id: 'd',
          amount: 1,
          label: 'b',
          status: 'void',
          paid: 1,
          owner: { name: '王', floor: 12 },
          note: null,
        },
        { _id: 'e', amount: '100', label: 'a', status: null },
        { _id: 'f', label: 'c' },
      ];
      let docs: Collection<Row>;
      const match = async (filter: QueryFilter) => sortedIds((await docs.find(filter)).items);

      beforeEach(async () => {
        docs = col('filtered');
        await docs.insertMany(FILTER_DOCS);
      }, timeout);

      it(
        'matches a bare value or eq only against values of the same type',
        async () => {
          expect(await match({ where: { amount: 100 } })).toEqual(['a']);
          expect(await match({ where: { amount: { eq: '100' } } })).toEqual(['e']);
          expect(await match({ where: { paid: true } })).toEqual(['a', 'c']);
          expect(await match({ where: { paid: 1 } })).toEqual(['d']);
          expect(await match({ where: { status: 'open', paid: false } })).toEqual(['b']);
          expect(await match({ where: { status: 'nobody' } })).toEqual([]);
        },
        timeout,
      );

      it(
        'treats equality with null as null or missing',
        async () => {
          expect(await match({ where: { note: null } })).toEqual(['a', 'b', 'd', 'e', 'f']);
          expect(await match({ where: { status: { eq: null } } })).toEqual(['e', 'f']);
        },
        timeout,
      );

      it(
        'matches ne on every other document, including those without the field',
        async () => {
          expect(await match({ where: { status: { ne: 'open' } } })).toEqual(['c', 'd', 'e', 'f']);
          expect(await match({ where: { note: { ne: null } } })).toEqual(['c']);
        },
        timeout,
      );

      it(
        'compares numbers as numbers and strings as strings',
        async () => {
          expect(await match({ where: { amount: { gt: 9 } } })).toEqual(['a', 'b']);
          expect(await match({ where: { amount: { gte: 9 } } })).toEqual(['a', 'b', 'c']);
          expect(await match({ where: { amount: { lt: 100 } } })).toEqual(['c', 'd']);
          expect(await match({ where: { amount: { lte: 100 } } })).toEqual(['a', 'c', 'd']);
          // As strings '9' > '100' > '10'; numbers never match a string bound and vice versa.
          expect(await match({ where: { label: { gt: '9' } } })).toEqual(['d', 'e', 'f']);
          expect(await match({ where: { label: { lt: '9' } } })).toEqual(['a', 'c']);
          expect(await match({ where: { amount: { lt: 'z' } } })).toEqual(['e']);
        },
        timeout,
      );

      it(
        'requires every condition on one field to hold',
        async () => {
          expect(await match({ where: { amount: { gte: 9, lt: 250 } } })).toEqual(['a', 'c']);
          expect(await match({ where: { amount: { gt: 1, ne: 100 } } })).toEqual(['b', 'c']);
        },
        timeout,
      );

      it(
        'matches in and nin against scalars of any type, nin including missing fields',
        async () => {
          expect(await match({ where: { status: { in: ['open', null] } } })).toEqual(['a', 'b', 'e', 'f']);
          expect(await match({ where: { amount: { in: [100, '100'] } } })).toEqual(['a', 'e']);
          expect(await match({ where: { paid: { in: [true] } } })).toEqual(['a', 'c']);
          expect(await match({ where: { status: { nin: ['open', 'closed'] } } })).toEqual(['d', 'e', 'f']);
          expect(await match({ where: { _id: { in: ['a', 'c', 'zz'] } } })).toEqual(['a', 'c']);
        },
        timeout,
      );

      it(
        'matches nothing with an empty in list and everything with an empty nin list',
        async () => {
          expect(await match({ where: { status: { in: [] } } })).toEqual([]);
          expect(await match({ where: { status: { nin: [] } } })).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
        },
        timeout,
      );

      it(
        'tells present fields, null included, from missing ones with exists',
        async () => {
          expect(await match({ where: { note: { exists: true } } })).toEqual(['a', 'c', 'd']);
          expect(await match({ where: { note: { exists: false } } })).toEqual(['b', 'e', 'f']);
        },
        timeout,
      );

      it(
        'reaches into nested objects with dotted paths',
        async () => {
          expect(await match({ where: { 'owner.floor': 12 } })).toEqual(['a', 'd']);
          expect(await match({ where: { 'owner.name': { in: ['林'] } } })).toEqual(['b']);
          expect(await match({ where: { 'owner.floor': { lt: 5 } } })).toEqual(['b']);
          expect(await match({ where: { 'owner.floor': { exists: false } } })).toEqual(['c', 'e', 'f']);
        },
        timeout,
      );

      it(
        'filters on _id like any other field',
        async () => {
          expect(await match({ where: { _id: 'c' } })).toEqual(['c']);
          expect(await match({ where: { _id: { gt: 'c' } } })).toEqual(['d', 'e', 'f']);
          expect(await match({ where: { _id: { ne: 'c' }, status: 'open' } })).toEqual(['a', 'b']);
        },
        timeout,
      );

      it(
        'combines where and or: every where condition and at least one or branch',
        async () => {
          expect(await match({ where: { status: 'open' }, or: [{ paid: true }, { amount: 250 }] })).toEqual([
            'a',
            'b',
          ]);
          expect(await match({ or: [{ status: 'void' }, { label: 'c' }] })).toEqual(['d', 'f']);
          expect(
            await match({
              or: [
                { status: 'open', paid: false },
                { 'owner.floor': 12, note: { exists: true } },
              ],
            }),
          ).toEqual(['a', 'b', 'd']);
        },
        timeout,
      );

      it(
        'matches nothing with an empty or list',
        async () => {
          expect(await match({ or: [] })).toEqual([]);
          expect(await docs.count({ or: [] })).toBe(0);
        },
        timeout,
      );

      it(
        'counts what find returns for the same filter',
        async () => {
          const filters: Array<QueryFilter | undefined> = [
            undefined,
            {},
            { where: { status: 'open' } },
            { where: { note: null } },
            { where: { amount: { gte: 9, lt: 250 } } },
            { or: [{ status: 'void' }, { label: 'c' }] },
          ];
          for (const filter of filters)
            expect(await docs.count(filter)).toBe((await docs.find(filter)).items.length);
        },
        timeout,
      );

      it(
        'refuses unknown operators, undefined conditions and a filter passed without { where }',
        async () => {
          const loose = (value: unknown) => value as QueryFilter;
          await expect(docs.find(loose({ where: { amount: { $gt: 1 } } }))).rejects.toThrow(TypeError);
          await expect(docs.find(loose({ where: { amount: { neq: 1 } } }))).rejects.toThrow(TypeError);
          await expect(docs.find(loose({ where: { amount: undefined } }))).rejects.toThrow(TypeError);
          await expect(docs.find(loose({ where: { amount: { gte: undefined } } }))).rejects.toThrow(
            TypeError,
          );
          await expect(docs.find(loose({ where: { amount: {} } }))).rejects.toThrow(TypeError);
          await expect(docs.find(loose({ where: { tags: ['a'] } }))).rejects.toThrow(TypeError);
          await expect(docs.find(loose({ status: 'open' }))).rejects.toThrow(TypeError);
          await expect(docs.count(loose({ where: { amount: { gt: true } } }))).rejects.toThrow(TypeError);
        },
        timeout,
      );

      it(
        'refuses field names that are not dotted identifiers',
        async () => {
          for (const field of ["a'b", 'a;drop', '$where', 'a..b', '1a', 'a.', 'owner.0', '__proto__.x', '']) {
            await expect(docs.find({ where: { [field]: 1 } })).rejects.toThrow(TypeError);
          }
          await expect(docs.find({}, { sort: [["x') --", 'asc']] })).rejects.toThrow(TypeError);
          await expect(docs.find({}, { fields: ['a b'] })).rejects.toThrow(TypeError);
        },
        timeout,
      );
    });

    describe('sorting and pages', () => {
      const SORT_DOCS: Row[] = [
        { _id: 's1', group: 'b', score: 2 },
        { _id: 's2', group: 'a', score: 2 },
        { _id: 's3', group: 'a', score: 5 },
        { _id: 's4', group: 'b', score: 2 },
        { _id: 's5', group: 'a', score: 5 },
        { _id: 's6', group: 'b' },
        { _id: 's7', group: 'a', score: null },
      ];

      it(
        'sorts by several keys in order and breaks ties by _id',
        async () => {
          await col('sorted').insertMany(SORT_DOCS);
          const page = await col('sorted').find(
            {},
            {
              sort: [
                ['group', 'asc'],
                ['score', 'desc'],
              ],
            },
          );
          expect(ids(page.items)).toEqual(['s3', 's5', 's2', 's7', 's1', 's4', 's6']);
          expect(page.next).toBeUndefined();
        },
        timeout,
      );

      it(
        'puts null and missing first ascending and last descending',
        async () => {
          await col('sorted').insertMany(SORT_DOCS);
          expect(ids((await col('sorted').find({}, { sort: [['score', 'asc']] })).items)).toEqual([
            's6',
            's7',
            's1',
            's2',
            's4',
            's3',
            's5',
          ]);
          expect(ids((await col('sorted').find({}, { sort: [['score', 'desc']] })).items)).toEqual([
            's3',
            's5',
            's1',
            's2',
            's4',
            's6',
            's7',
          ]);
        },
        timeout,
      );

      it(
        'pages through ties and nulls in both directions without gaps or repeats',
        async () => {
          await col('sorted').insertMany(SORT_DOCS);
          for (const sort of [
            [
              ['group', 'asc'],
              ['score', 'desc'],
            ],
            [['score', 'asc']],
            [['score', 'desc']],
            [
              ['group', 'desc'],
              ['score', 'asc'],
            ],
          ] as Array<Array<[string, 'asc' | 'desc']>>) {
            const whole = ids((await col('sorted').find({}, { sort })).items);
            for (const limit of [1, 2, 3])
              expect(ids((await pages(col('sorted'), undefined, sort, limit)).seen)).toEqual(whole);
          }
        },
        timeout,
      );

      it(
        'sorts by _id when no sort is given',
        async () => {
          await col('sorted').insertMany([{ _id: 'b' }, { _id: 'c' }, { _id: 'a' }]);
          expect(ids((await col('sorted').find()).items)).toEqual(['a', 'b', 'c']);
          expect(ids((await col('sorted').find({}, { sort: [['_id', 'desc']] })).items)).toEqual([
            'c',
            'b',
            'a',
          ]);
        },
        timeout,
      );

      it(
        'returns only the listed fields plus _id',
        async () => {
          await col('sorted').insert({
            _id: 'p1',
            name: '陈',
            owner: { phone: '138', floor: 3 },
            secret: 'x',
          });
          const page = await col('sorted').find({}, { fields: ['name', 'owner.floor', 'missing'] });
          expect(page.items).toEqual([{ _id: 'p1', name: '陈', owner: { floor: 3 } }]);
          const sorted = await col('sorted').find({}, { fields: ['name'], sort: [['owner.floor', 'asc']] });
          expect(sorted.items).toEqual([{ _id: 'p1', name: '陈' }]);
        },
        timeout,
      );

      it(
        `returns ${DEFAULT_PAGE_SIZE} documents by default and refuses pages over ${MAX_PAGE_SIZE} with STORE_LIMIT`,
        async () => {
          await col('many').insertMany(
            Array.from({ length: 150 }, (_, i) => ({ _id: `m${String(i).padStart(3, '0')}` })),
          );
          const first = await col('many').find();
          expect(first.items).toHaveLength(DEFAULT_PAGE_SIZE);
          expect(first.next).toBeDefined();
          expect((await col('many').find({}, { limit: MAX_PAGE_SIZE })).items).toHaveLength(150);
          for (const limit of [MAX_PAGE_SIZE + 1, 5000, 0, -1, 1.5]) {
            const attempt = col('many').find({}, { limit });
            await expect(attempt).rejects.toBeInstanceOf(AppError);
            await expect(attempt).rejects.toMatchObject({ code: 'STORE_LIMIT' });
          }
        },
        timeout,
      );

      it(
        'walks 2,500 documents in cursor pages, each exactly once and in order',
        async () => {
          const docs: Row[] = Array.from({ length: 2500 }, (_, i) => {
            const doc: Row = { _id: `d${String(i).padStart(4, '0')}`, bucket: i % 3 };
            if (i % 70 !== 0) doc.rank = i % 50 === 0 ? null : i % 97;
            return doc;
          });
          for (let i = 0; i < docs.length; i += 500) await col('big').insertMany(docs.slice(i, i + 500));

          const byRank = await pages(col('big'), undefined, [['rank', 'desc']], 250);
          expect(ids(byRank.seen)).toEqual(expectedOrder(docs, 'rank', 'desc'));
          expect(byRank.sizes).toEqual(Array.from({ length: 10 }, () => 250));

          const filter = { where: { bucket: { in: [0, 2] } } };
          const filtered = await pages(col('big'), filter, [['rank', 'asc']], MAX_PAGE_SIZE);
          const kept = docs.filter((d) => d.bucket !== 1);
          expect(ids(filtered.seen)).toEqual(expectedOrder(kept, 'rank', 'asc'));
          expect(new Set(ids(filtered.seen)).size).toBe(kept.length);

          const byId = await pages(col('big'), undefined, [], MAX_PAGE_SIZE);
          expect(byId.sizes).toEqual([1000, 1000, 500]);
          expect(ids(byId.seen)).toEqual(ids(docs));
        },
        timeout ?? 20_000,
      );

      it(
        'resumes after the cursor even when documents are added or removed between pages',
        async () => {
          const numbered = col('numbered');
          await numbered.insertMany(Array.from({ length: 10 }, (_, n) => ({ _id: `n${n}`, n })));
          const first = await numbered.find({}, { sort: [['n', 'asc']], limit: 4 });
          expect(first.items.map((d) => d.n)).toEqual([0, 1, 2, 3]);
          await numbered.insertMany([
            { _id: 'early', n: 1.5 },
            { _id: 'late', n: 7.5 },
          ]);
          await numbered.remove('n5');
          const second = await numbered.find({}, { sort: [['n', 'asc']], limit: 4, after: first.next });
          expect(second.items.map((d) => d.n)).toEqual([4, 6, 7, 7.5]);
          const third = await numbered.find({}, { sort: [['n', 'asc']], limit: 4, after: second.next });
          expect(third.items.map((d) => d.n)).toEqual([8, 9]);
          expect(third.next).toBeUndefined();
        },
        timeout,
      );

      it(
        'refuses a forged cursor or one made for another sort with VALIDATION',
        async () => {
          await col('sorted').insertMany(SORT_DOCS);
          const { next } = await col('sorted').find({}, { sort: [['score', 'asc']], limit: 2 });
          expect(next).toBeDefined();
          for (const attempt of [
            col('sorted').find({}, { sort: [['score', 'desc']], limit: 2, after: next }),
            col('sorted').find({}, { limit: 2, after: next }),
            col('sorted').find({}, { after: 'not-a-cursor' }),
            col('sorted').find(
              {},
              { after: Buffer.from('{"s":"_id:asc","v":[{"$gt":""}]}').toString('base64url') },
            ),
          ]) {
            await expect(attempt).rejects.toMatchObject({ code: 'VALIDATION' });
          }
        },
        timeout,
      );
    });

    describe('updates', () => {
      it(
        'applies set, inc, unset and push to dotted paths in one update',
        async () => {
          await col('docs').insert({
            _id: 'u',
            owner: { name: '陈', phone: '138' },
            counts: { visits: 1 },
            tags: ['a'],
            old: 1,
          });
          const changed = await col('docs').update('u', {
            set: { 'owner.name': '林', 'meta.source': 'import' },
            inc: { 'counts.visits': 2, 'counts.calls': 1 },
            unset: ['old', 'owner.phone', 'never.there'],
            push: { tags: 'b' },
          });
          expect(changed).toBe(true);
          expect(await col('docs').get('u')).toEqual({
            _id: 'u',
            owner: { name: '林' },
            counts: { visits: 3, calls: 1 },
            tags: ['a', 'b'],
            meta: { source: 'import' },
          });
        },
        timeout,
      );

      it(
        'replaces a whole field when set is given an object',
        async () => {
          await col('docs').insert({ _id: 'u', owner: { name: '陈', phone: '138' } });
          await col('docs').update('u', { set: { owner: { name: '王' }, extra: {} } });
          expect(await col('docs').get('u')).toEqual({ _id: 'u', owner: { name: '王' }, extra: {} });
        },
        timeout,
      );

      it(
        'starts inc from zero and push from an empty list, and pushes an array as one element',
        async () => {
          await col('docs').insert({ _id: 'u' });
          await col('docs').update('u', { inc: { total: -250, 'stats.n': 1.5 }, push: { log: ['x', 'y'] } });
          expect(await col('docs').get('u')).toEqual({
            _id: 'u',
            total: -250,
            stats: { n: 1.5 },
            log: [['x', 'y']],
          });
        },
        timeout,
      );

      it(
        'fails inc on a non-number and push on a non-array, leaving the document unchanged',
        async () => {
          await col('docs').insert({ _id: 'u', name: 'x', n: 1 });
          await expect(col('docs').update('u', { inc: { name: 1 } })).rejects.toThrow();
          await expect(col('docs').update('u', { push: { n: 2 } })).rejects.toThrow();
          expect(await col('docs').get('u')).toEqual({ _id: 'u', name: 'x', n: 1 });
        },
        timeout,
      );

      it(
        'returns false for an unknown id or a collection never written',
        async () => {
          await col('docs').insert({ _id: 'u' });
          expect(await col('docs').update('nope', { set: { a: 1 } })).toBe(false);
          expect(await col('never_written').update('u', { set: { a: 1 } })).toBe(false);
          expect(await col('docs').get('nope')).toBeNull();
        },
        timeout,
      );

      it(
        'updates with where only while the document still matches (compare-and-set)',
        async () => {
          await col('jobs').insert({ _id: 'job', status: 'pending', version: 1 });
          const claim = () =>
            col('jobs').update(
              'job',
              { set: { status: 'running' }, inc: { version: 1 } },
              { status: 'pending', version: 1 },
            );
          expect(await claim()).toBe(true);
          expect(await claim()).toBe(false);
          expect(
            await col('jobs').update(
              'job',
              { set: { status: 'done' } },
              { status: { in: ['running'] }, version: { gte: 2 } },
            ),
          ).toBe(true);
          expect(await col('jobs').get('job')).toEqual({ _id: 'job', status: 'done', version: 2 });
        },
        timeout,
      );

      it(
        'lets exactly one of two racing compare-and-set updates win',
        async () => {
          await col('jobs').insert({ _id: 'job', owner: null, version: 1 });
          const take = (owner: string) =>
            col('jobs').update('job', { set: { owner }, inc: { version: 1 } }, { version: 1 });
          const results = await Promise.all([take('tech-a'), take('tech-b')]);
          expect([...results].sort()).toEqual([false, true]);
          const job = await col('jobs').get('job');
          expect(job?.version).toBe(2);
          expect(job?.owner).toBe(results[0] ? 'tech-a' : 'tech-b');
        },
        timeout,
      );

      it(
        'loses no increment among 50 concurrent updates',
        async () => {
          await col('counters').insert({ _id: 'c', n: 0 });
          const results = await Promise.all(
            Array.from({ length: 50 }, () => col('counters').update('c', { inc: { n: 1 } })),
          );
          expect(results.every(Boolean)).toBe(true);
          expect(await col('counters').get('c')).toEqual({ _id: 'c', n: 50 });
        },
        timeout,
      );

      it(
        'only tests the match when the update is empty',
        async () => {
          await col('jobs').insert({ _id: 'job', status: 'pending' });
          expect(await col('jobs').update('job', {})).toBe(true);
          expect(await col('jobs').update('job', {}, { status: 'done' })).toBe(false);
          expect(await col('jobs').update('nope', {})).toBe(false);
          expect(await col('jobs').get('job')).toEqual({ _id: 'job', status: 'pending' });
        },
        timeout,
      );

      it(
        'refuses updates of _id, overlapping paths and specs without set/inc/unset/push',
        async () => {
          await col('docs').insert({ _id: 'u', a: { b: 1 } });
          const loose = (value: unknown) => value as Parameters<Collection['update']>[1];
          await expect(col('docs').update('u', { set: { _id: 'v' } })).rejects.toThrow(TypeError);
          await expect(col('docs').update('u', { set: { a: 1 }, unset: ['a'] })).rejects.toThrow(TypeError);
          await expect(col('docs').update('u', { set: { a: {} }, inc: { 'a.b': 1 } })).rejects.toThrow(
            TypeError,
          );
          await expect(col('docs').update('u', loose({ status: 'x' }))).rejects.toThrow(TypeError);
          await expect(col('docs').update('u', { inc: { n: Number.POSITIVE_INFINITY } })).rejects.toThrow(
            TypeError,
          );
          await expect(col('docs').update('u', { set: { at: new Date() } })).rejects.toThrow(TypeError);
          expect(await col('docs').get('u')).toEqual({ _id: 'u', a: { b: 1 } });
        },
        timeout,
      );

      it(
        'updateMany changes every matching document and returns how many',
        async () => {
          await col('bills').insertMany([
            { _id: 'b1', status: 'open', n: 1 },
            { _id: 'b2', status: 'open', n: 2 },
            { _id: 'b3', status: 'paid', n: 3 },
          ]);
          expect(
            await col('bills').updateMany(
              { where: { status: 'open' } },
              { set: { status: 'overdue' }, inc: { n: 10 } },
            ),
          ).toBe(2);
          expect(await all(col('bills'))).toEqual([
            { _id: 'b1', status: 'overdue', n: 11 },
            { _id: 'b2', status: 'overdue', n: 12 },
            { _id: 'b3', status: 'paid', n: 3 },
          ]);
          expect(await col('bills').updateMany({ where: { status: 'open' } }, { set: { status: 'x' } })).toBe(
            0,
          );
          expect(await col('never_written').updateMany({}, { set: { status: 'x' } })).toBe(0);
        },
        timeout,
      );

      it(
        'removeMany removes every matching document and returns how many',
        async () => {
          await col('bills').insertMany([
            { _id: 'b1', status: 'open' },
            { _id: 'b2', status: 'void' },
            { _id: 'b3', status: 'void' },
          ]);
          expect(await col('bills').removeMany({ where: { status: 'void' } })).toBe(2);
          expect(await col('bills').removeMany({ where: { status: 'void' } })).toBe(0);
          expect(sortedIds(await all(col('bills')))).toEqual(['b1']);
          expect(await col('never_written').removeMany({})).toBe(0);
        },
        timeout,
      );
    });

    describe('transactions', () => {
      beforeEach(async () => {
        await col('orders').insert({ _id: 'o0', status: 'seed' });
        await col('bills').insertMany([
          { _id: 'bill1', status: 'open', amount: 100 },
          { _id: 'bill2', status: 'open', amount: 200 },
        ]);
      }, timeout);

      it(
        'commits every write together and returns what work returned',
        async () => {
          const result = await store.transaction(async (tx) => {
            await tx.collection(named('orders')).insert({ _id: 'o1', status: 'paid', bills: ['bill1'] });
            expect(await tx.collection(named('orders')).get('o1')).toEqual({
              _id: 'o1',
              status: 'paid',
              bills: ['bill1'],
            });
            expect(
              await tx
                .collection(named('bills'))
                .update('bill1', { set: { status: 'paid' }, inc: { amount: -100 } }),
            ).toBe(true);
            expect(await tx.collection(named('bills')).update('nope', { set: { status: 'paid' } })).toBe(
              false,
            );
            await tx.collection(named('bills')).set({ _id: 'bill3', status: 'open', amount: 5 });
            expect(await tx.collection(named('bills')).remove('bill2')).toBe(true);
            return 'settled';
          });
          expect(result).toBe('settled');
          expect(await col('orders').get('o1')).toEqual({ _id: 'o1', status: 'paid', bills: ['bill1'] });
          expect(await all(col('bills'))).toEqual([
            { _id: 'bill1', status: 'paid', amount: 0 },
            { _id: 'bill3', status: 'open', amount: 5 },
          ]);
        },
        timeout,
      );

      it(
        'writes nothing and rethrows the same error when work throws',
        async () => {
          const failure = new AppError('PRECONDITION_FAILED', '账单已被处理');
          const attempt = store.transaction(async (tx) => {
            await tx.collection(named('orders')).insert({ _id: 'o1', status: 'paid' });
            await tx.collection(named('bills')).update('bill1', { set: { status: 'paid' } });
            await tx.collection(named('bills')).remove('bill2');
            throw failure;
          });
          await expect(attempt).rejects.toBe(failure);
          expect(await col('orders').get('o1')).toBeNull();
          expect(await all(col('bills'))).toEqual([
            { _id: 'bill1', status: 'open', amount: 100 },
            { _id: 'bill2', status: 'open', amount: 200 },
          ]);
        },
        timeout,
      );

      it(
        'rolls back earlier writes when an insert inside hits DUPLICATE',
        async () => {
          const attempt = store.transaction(async (tx) => {
            await tx.collection(named('bills')).update('bill1', { set: { status: 'paid' } });
            await tx.collection(named('orders')).insert({ _id: 'o0', status: 'again' });
          });
          await expect(attempt).rejects.toMatchObject({ code: 'DUPLICATE' });
          expect(await col('bills').get('bill1')).toEqual({ _id: 'bill1', status: 'open', amount: 100 });
          expect(await col('orders').get('o0')).toEqual({ _id: 'o0', status: 'seed' });
        },
        timeout,
      );

      it(
        'serialises concurrent read-modify-write transactions so no update is lost',
        async () => {
          await col('counters').insert({ _id: 'c', n: 0 });
          await Promise.all(
            Array.from({ length: 3 }, () =>
              store.transaction(async (tx) => {
                const counter = await tx.collection<Row>(named('counters')).get('c');
                await delay(5);
                await tx
                  .collection(named('counters'))
                  .update('c', { set: { n: (counter?.n as number) + 1 } });
              }),
            ),
          );
          expect(await col('counters').get('c')).toEqual({ _id: 'c', n: 3 });
        },
        timeout,
      );

      it(
        'keeps writes outside transactions while transactions run',
        async () => {
          await col('counters').insert({ _id: 'c', n: 0 });
          await Promise.all([
            ...Array.from({ length: 10 }, () => col('counters').update('c', { inc: { n: 1 } })),
            ...Array.from({ length: 2 }, () =>
              store.transaction(async (tx) => {
                await delay(2);
                await tx.collection(named('counters')).update('c', { inc: { n: 100 } });
              }),
            ),
          ]);
          expect(await col('counters').get('c')).toEqual({ _id: 'c', n: 210 });
        },
        timeout,
      );
    });

    describe('collections and indexes', () => {
      (options.listsCollections === false ? it.skip : it)(
        'lists the collections that hold documents',
        async () => {
          await col('alpha').insert({ _id: 'a' });
          await col('beta').insertMany([{ _id: 'b' }]);
          await store.ensureIndexes(named('gamma'), [['x']]);
          await col('delta').insert({ _id: 'd' });
          await col('delta').remove('d');
          const listed = await store.listCollections();
          expect(listed).toEqual(expect.arrayContaining([named('alpha'), named('beta')]));
          expect(listed).not.toContain(named('gamma'));
          expect(listed).not.toContain(named('delta'));
        },
        timeout,
      );

      it(
        'accepts composite and dotted indexes and keeps answering queries',
        async () => {
          await store.ensureIndexes(named('indexed'), [
            ['estateId', 'roomCode'],
            ['owner.phone'],
            ['_id'],
            ['status', '_id'],
          ]);
          await store.ensureIndexes(named('indexed'), [['estateId', 'roomCode']]);
          await col('indexed').insertMany([
            { _id: 'h1', estateId: 'e1', roomCode: '1-1-101', owner: { phone: '138' } },
            { _id: 'h2', estateId: 'e1', roomCode: '1-1-102', owner: { phone: '139' } },
          ]);
          expect(
            ids((await col('indexed').find({ where: { estateId: 'e1', roomCode: '1-1-102' } })).items),
          ).toEqual(['h2']);
          expect(ids((await col('indexed').find({ where: { 'owner.phone': '138' } })).items)).toEqual(['h1']);
        },
        timeout,
      );

      it(
        'refuses index fields and collection names that are not identifiers',
        async () => {
          await expect(store.ensureIndexes(named('indexed'), [['bad field']])).rejects.toThrow(TypeError);
          await expect(store.ensureIndexes(named('indexed'), [[]])).rejects.toThrow(TypeError);
          await expect(store.ensureIndexes('no"quotes', [['x']])).rejects.toThrow(TypeError);
          expect(() => store.collection('drop table x;')).toThrow(TypeError);
          expect(() => store.collection('sqlite_master')).toThrow(TypeError);
          expect(() => store.collection('')).toThrow(TypeError);
        },
        timeout,
      );
    });
  });
}
