/**
 * The subscription-message service: the one way any feature notifies a person.
 *
 *   await enqueue(store, { kind: 'bill_due', eventKey: billId, toAccountId, estateId,
 *                          householdId, fields: { … }, page: 'pages/bills/index' });
 *
 * Quota, preferences, de-duplication, WeChat's field rules, sending and retries are handled
 * here; features only say what happened and to whom.
 */
export { enqueue, enqueueMany } from './enqueue';
export type {
  AnyEnqueueRequest,
  EnqueueOptions,
  EnqueueOutcome,
  EnqueueRequest,
  EnqueueStatus,
} from './enqueue';
export { enqueueToHousehold } from './enqueue-to-household';
export type { HouseholdEnqueueRequest, HouseholdEnqueueResult } from './enqueue-to-household';
export { cancelMessages } from './cancel-messages';
export { messageId } from './documents';
