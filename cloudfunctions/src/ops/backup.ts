import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { collectionIndexes } from '../_lib/collections';
import type { Doc, Store } from '../_lib/store/port';
import { canonicalJson } from './canonical-json';

/**
 * Backups are a folder: `manifest.json` plus one gzipped JSON-lines file per collection, each
 * document on one line in canonical JSON, sorted by `_id`. The manifest records counts and the
 * SHA-256 of every uncompressed file, so a restore can prove the archive whole before it
 * touches the database.
 */
export const BACKUP_FORMAT = 'linli-backup';
export const BACKUP_VERSION = 1;

const CollectionName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/);
export const Manifest = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.string(),
    collections: z.array(
      z
        .object({
          name: CollectionName,
          count: z.number().int().min(0),
          sha256: z.string().regex(/^[a-f0-9]{64}$/),
        })
        .strict(),
    ),
  })
  .strict();
export type Manifest = z.infer<typeof Manifest>;

const fileOf = (name: string) => join('collections', `${name}.jsonl.gz`);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The collections to back up: what the store lists, or, where it cannot list, the known set. */
async function collectionNames(store: Store): Promise<string[]> {
  const listed = await store.listCollections().catch(() => Object.keys(collectionIndexes));
  return [...new Set(listed)].sort();
}

/** Every document of a collection, sorted by id, as canonical JSON lines. */
export async function collectionLines(store: Store, name: string): Promise<string[]> {
  const lines: string[] = [];
  let after: string | undefined;
  do {
    const page = await store.collection(name).find({}, { sort: [['_id', 'asc']], limit: 1000, after });
    for (const doc of page.items) lines.push(canonicalJson(doc));
    after = page.next;
  } while (after);
  return lines;
}

/** Checksums of the live data, in the manifest's terms (for verifying a restore). */
export async function storeFingerprint(store: Store): Promise<Manifest['collections']> {
  const result: Manifest['collections'] = [];
  for (const name of await collectionNames(store)) {
    const lines = await collectionLines(store, name);
    if (lines.length) result.push({ name, count: lines.length, sha256: sha256(lines.join('\n')) });
  }
  return result;
}

export async function backupStore(store: Store, folder: string, now = new Date()): Promise<Manifest> {
  if (existsSync(join(folder, 'manifest.json')))
    throw new Error(`backup folder already holds a backup: ${folder}`);
  mkdirSync(join(folder, 'collections'), { recursive: true });
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    collections: [],
  };
  for (const name of await collectionNames(store)) {
    const lines = await collectionLines(store, name);
    if (!lines.length) continue;
    const text = lines.join('\n');
    writeFileSync(join(folder, fileOf(name)), gzipSync(text));
    manifest.collections.push({ name, count: lines.length, sha256: sha256(text) });
  }
  // The manifest goes last: a folder without one is an unfinished backup and is refused.
  writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export class BackupInvalidError extends Error {
  override readonly name = 'BackupInvalidError';
}

/** Read and verify a whole archive into memory; any flaw throws before anything is written. */
export function readBackup(folder: string): { manifest: Manifest; docs: Map<string, Doc[]> } {
  let manifest: Manifest;
  try {
    manifest = Manifest.parse(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')));
  } catch (error) {
    throw new BackupInvalidError(
      `备份清单缺失或无效 / manifest missing or invalid: ${(error as Error).message}`,
    );
  }
  const docs = new Map<string, Doc[]>();
  for (const entry of manifest.collections) {
    let text: string;
    try {
      text = gunzipSync(readFileSync(join(folder, fileOf(entry.name)))).toString('utf8');
    } catch (error) {
      throw new BackupInvalidError(
        `集合 ${entry.name} 的备份文件缺失或已损坏 / unreadable: ${(error as Error).message}`,
      );
    }
    if (sha256(text) !== entry.sha256)
      throw new BackupInvalidError(`集合 ${entry.name} 校验和不符，备份已损坏 / checksum mismatch`);
    const lines = text.split('\n');
    if (lines.length !== entry.count)
      throw new BackupInvalidError(`集合 ${entry.name} 文档数不符 / count mismatch`);
    docs.set(
      entry.name,
      lines.map((line, i) => {
        const doc = JSON.parse(line) as Doc;
        if (typeof doc?._id !== 'string')
          throw new BackupInvalidError(`集合 ${entry.name} 第 ${i + 1} 行缺少 _id`);
        return doc;
      }),
    );
  }
  return { manifest, docs };
}

/**
 * Replace the store's data with the archive's. The archive is verified in full first, so a
 * corrupt or truncated one changes nothing. Collections absent from the archive are emptied.
 */
export async function restoreStore(store: Store, folder: string): Promise<Manifest> {
  const { manifest, docs } = readBackup(folder);
  const names = new Set([...(await collectionNames(store)), ...docs.keys()]);
  for (const name of names) {
    const collection = store.collection(name);
    await collection.removeMany({ where: { _id: { exists: true } } });
    const restored = docs.get(name) ?? [];
    for (let i = 0; i < restored.length; i += 500) await collection.insertMany(restored.slice(i, i + 500));
  }
  return manifest;
}
