/**
 * A second process writing the same SQLite file, for the concurrent-writers test:
 * `tsx sqlite-writer.ts <file> <name> <count> <startAt>` waits until startAt (ms), then for each i
 * inserts its own document, increments a shared counter, and read-modify-writes a shared document
 * inside a transaction (the pattern that loses writes without a lock).
 */
import { createSqliteStore } from '@linli/cloudfunctions/src/_lib/store/sqlite';

async function main(): Promise<void> {
  const [file, name, count, startAt] = process.argv.slice(2);
  const store = createSqliteStore({ file: file! });
  const docs = store.collection<{ _id: string; n?: number; v?: number; by?: string }>('docs');
  while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 1));
  for (let i = 0; i < Number(count); i++) {
    await docs.insert({ _id: `${name}-${i}`, by: name });
    await docs.update('counter', { inc: { n: 1 } });
    await store.transaction(async (tx) => {
      const shared = await tx.collection<{ _id: string; v: number }>('docs').get('rmw');
      await tx.collection('docs').update('rmw', { set: { v: (shared?.v ?? 0) + 1 } });
    });
  }
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
