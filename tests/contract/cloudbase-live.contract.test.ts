/**
 * The contract against a real CloudBase environment. Runs only with credentials:
 *   LINLI_TCB_ENV=<env id> LINLI_TCB_SECRET_ID=... LINLI_TCB_SECRET_KEY=... npx jest tests/contract/cloudbase-live
 * Each run uses its own collection prefix and empties what it wrote; node-sdk cannot drop
 * collections, so the empty `linli_ct_*` collections stay behind (delete them in the console).
 */
import { createCloudbaseStore } from '@linli/cloudfunctions/src/_lib/store/cloudbase';
import { describeStoreContract } from './store-contract';

const env = process.env.LINLI_TCB_ENV;
const secretId = process.env.LINLI_TCB_SECRET_ID;
const secretKey = process.env.LINLI_TCB_SECRET_KEY;

if (env && secretId && secretKey) {
  const prefix = `linli_ct_${Date.now().toString(36)}_`;
  describeStoreContract(
    `CloudBase ${env}`,
    () => Promise.resolve(createCloudbaseStore({ env, secretId, secretKey })),
    async (store, collections) => {
      // A condition that always holds: an unconditional remove may be refused by the server.
      for (const name of collections)
        await store.collection(name).removeMany({ where: { _id: { exists: true } } });
    },
    { collectionPrefix: prefix, listsCollections: false, timeoutMs: 120_000 },
  );
} else {
  describe.skip('CloudBase live contract (set LINLI_TCB_ENV, LINLI_TCB_SECRET_ID and LINLI_TCB_SECRET_KEY to run it)', () => {
    it('runs the data port contract against a real CloudBase environment', () => undefined);
  });
}
