import { createSqliteStore } from '../_lib/store/sqlite';
import type { Store } from '../_lib/store/port';
import { parseMessagingConfig } from './config';
import { messagingCollections } from './documents';
import { grantQuota, markQuotaRefused, quotaOf } from './quota-ledger';

const config = parseMessagingConfig({});
const BILL = config.templateIds.bill_due;
const NOTICE = config.templateIds.notice_published;

describe('quota ledger', () => {
  let store: Store;
  beforeEach(() => {
    store = createSqliteStore({ file: ':memory:' });
  });
  afterEach(() => store.close());

  const grant = (requestId: string, result: Record<string, string>) =>
    grantQuota(store, { accountId: 'acct_a', requestId, result }, config, 1000);
  const left = async (templateId: string) =>
    (await quotaOf(store, 'acct_a', config, [templateId]))[0]!.available;

  it('adds one send per accepted template, per prompt', async () => {
    await grant('prompt-1', { [BILL]: 'accept', [NOTICE]: 'reject' });
    await grant('prompt-2', { [BILL]: 'accept', [NOTICE]: 'accept' });
    expect(await left(BILL)).toBe(2);
    expect(await left(NOTICE)).toBe(1);
  });

  it('applies a retried report of the same prompt once', async () => {
    const first = await grant('prompt-1', { [BILL]: 'accept' });
    const again = await grant('prompt-1', { [BILL]: 'accept' });
    expect([first.applied, again.applied]).toEqual([true, false]);
    expect(await left(BILL)).toBe(1);
    expect(await messagingCollections(store).grants.count()).toBe(1);
  });

  it('applies concurrent reports of different prompts without losing one', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => grant(`prompt-${i}`, { [BILL]: 'accept' })));
    expect(await left(BILL)).toBe(10);
  });

  it('believes WeChat over the ledger after a 43101', async () => {
    await grant('prompt-1', { [BILL]: 'accept' });
    await grant('prompt-2', { [BILL]: 'accept' });
    await markQuotaRefused(store, 'acct_a', BILL, 2000);
    expect(await left(BILL)).toBe(0);
    await grant('prompt-3', { [BILL]: 'accept' });
    expect(await left(BILL)).toBe(1);
  });

  it('lists every template with what is left, shared by the kinds that use it', async () => {
    const quota = await quotaOf(store, 'acct_a', config);
    expect(quota).toHaveLength(8); // one template per kind, service_reply included
    expect(quota.find((q) => q.templateId === BILL)).toEqual({
      templateId: BILL,
      kinds: ['bill_due'],
      available: 0,
    });
  });
});
