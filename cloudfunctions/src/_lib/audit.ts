import { newId } from '@linli/shared';
import type {
  Collection,
  Doc,
  Filter,
  QueryFilter,
  Store,
  Transaction,
  TxCollection,
  UpdateSpec,
} from './store/port';

export const AUDIT_COLLECTION = 'audit_log';

export interface AuditActor {
  accountId: string;
  displayName: string;
  roles: string[];
  /** `function.action` that made the change. */
  action: string;
  requestId: string;
}

/** What changed; the recorder adds who and when. */
export interface AuditChange {
  collection: string;
  docId: string | null;
  op: 'insert' | 'insertMany' | 'set' | 'update' | 'updateMany' | 'remove' | 'removeMany' | 'reveal';
  before: unknown;
  after: unknown;
  /** For bulk operations: how many documents, and the filter or ids (ids capped at 1000). */
  count?: number;
  filter?: unknown;
  docIds?: string[];
}

export interface AuditEntry extends Doc, AuditChange {
  at: number;
  actorId: string;
  actorName: string;
  roles: string[];
  action: string;
  requestId: string;
}

type Recorder = (change: AuditChange) => Promise<void>;

/**
 * Record a read that shows a person's details in full (a phone, an ID number): the store audits
 * writes only. One entry per request, so a retried request records the reveal once.
 */
export async function recordReveal(
  store: Store,
  actor: AuditActor,
  at: number,
  personId: string,
  after: Record<string, unknown>,
): Promise<void> {
  const entry = makeEntry(actor, () => at, {
    collection: 'persons',
    docId: personId,
    op: 'reveal',
    before: null,
    after,
  });
  await store
    .collection<AuditEntry>(AUDIT_COLLECTION)
    .insert({ ...entry, _id: `aud_reveal_${actor.requestId}` });
}

function makeEntry(actor: AuditActor, now: () => number, fields: AuditChange): AuditEntry {
  return {
    _id: newId('aud'),
    at: now(),
    actorId: actor.accountId,
    actorName: actor.displayName,
    roles: actor.roles,
    action: actor.action,
    requestId: actor.requestId,
    ...fields,
  };
}

function auditCollection<T extends Doc>(inner: Collection<T>, record: Recorder): Collection<T> {
  const name = inner.name;
  return {
    name,
    get: (id) => inner.get(id),
    find: (filter, options) => inner.find(filter, options),
    count: (filter) => inner.count(filter),
    async insert(doc) {
      await inner.insert(doc);
      await record({ collection: name, docId: doc._id, op: 'insert', before: null, after: doc });
    },
    async insertMany(docs) {
      await inner.insertMany(docs);
      await record({
        collection: name,
        docId: null,
        op: 'insertMany',
        before: null,
        after: null,
        count: docs.length,
        docIds: docs.slice(0, 1000).map((d) => d._id),
      });
    },
    async set(doc) {
      const before = await inner.get(doc._id);
      await inner.set(doc);
      await record({ collection: name, docId: doc._id, op: 'set', before, after: doc });
    },
    async update(id: string, spec: UpdateSpec, where?: Filter) {
      const before = await inner.get(id);
      const changed = await inner.update(id, spec, where);
      if (changed)
        await record({ collection: name, docId: id, op: 'update', before, after: await inner.get(id) });
      return changed;
    },
    async updateMany(filter: QueryFilter, spec: UpdateSpec) {
      const count = await inner.updateMany(filter, spec);
      if (count)
        await record({
          collection: name,
          docId: null,
          op: 'updateMany',
          before: null,
          after: spec,
          count,
          filter,
        });
      return count;
    },
    async remove(id) {
      const before = await inner.get(id);
      const removed = await inner.remove(id);
      if (removed) await record({ collection: name, docId: id, op: 'remove', before, after: null });
      return removed;
    },
    async removeMany(filter) {
      const count = await inner.removeMany(filter);
      if (count)
        await record({
          collection: name,
          docId: null,
          op: 'removeMany',
          before: null,
          after: null,
          count,
          filter,
        });
      return count;
    },
  };
}

function auditTxCollection<T extends Doc>(
  name: string,
  inner: TxCollection<T>,
  record: Recorder,
): TxCollection<T> {
  return {
    get: (id) => inner.get(id),
    async insert(doc) {
      await inner.insert(doc);
      await record({ collection: name, docId: doc._id, op: 'insert', before: null, after: doc });
    },
    async set(doc) {
      const before = await inner.get(doc._id);
      await inner.set(doc);
      await record({ collection: name, docId: doc._id, op: 'set', before, after: doc });
    },
    async update(id, spec) {
      const before = await inner.get(id);
      const changed = await inner.update(id, spec);
      if (changed)
        await record({ collection: name, docId: id, op: 'update', before, after: await inner.get(id) });
      return changed;
    },
    async remove(id) {
      const before = await inner.get(id);
      const removed = await inner.remove(id);
      if (removed) await record({ collection: name, docId: id, op: 'remove', before, after: null });
      return removed;
    },
  };
}

/**
 * A store that writes an audit entry (who, what, when, before/after) for every write made
 * through it. Writes inside a transaction are audited inside the same transaction, so an
 * audit entry exists exactly when its change was committed.
 */
export function auditingStore(store: Store, actor: AuditActor, now: () => number = Date.now): Store {
  const log = store.collection<AuditEntry>(AUDIT_COLLECTION);
  const record: Recorder = (fields) => log.insert(makeEntry(actor, now, fields));
  return {
    // Writes to the audit log itself (e.g. recording a reveal) are not audited again.
    collection: <T extends Doc>(name: string) =>
      name === AUDIT_COLLECTION
        ? store.collection<T>(name)
        : auditCollection(store.collection<T>(name), record),
    transaction: (work) =>
      store.transaction((tx) => {
        const txLog = tx.collection<AuditEntry>(AUDIT_COLLECTION);
        const txRecord: Recorder = (fields) => txLog.insert(makeEntry(actor, now, fields));
        const audited: Transaction = {
          collection: <T extends Doc>(name: string) =>
            auditTxCollection(name, tx.collection<T>(name), txRecord),
        };
        return work(audited);
      }),
    ensureIndexes: (collection, indexes) => store.ensureIndexes(collection, indexes),
    listCollections: () => store.listCollections(),
    close: () => store.close(),
  };
}
