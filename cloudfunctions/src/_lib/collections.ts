import type {
  Account,
  Alarm,
  DeviceState,
  IotCredential,
  TelemetryRulesDoc,
  Bill,
  BillingSettings,
  BillRun,
  Binding,
  Building,
  DunningAttempt,
  DunningCall,
  Estate,
  FeeStandard,
  Household,
  Invitation,
  Membership,
  MeterReading,
  ParkingSpace,
  Person,
  PrepayAccount,
  PrepayMovement,
  StaffMember,
  Unit,
} from '@linli/shared';
import type { Collection, Doc, Store } from './store/port';

/** Collection names in one place, with the fields each is queried by (indexes in SQLite). */
export const collectionIndexes: Record<string, Array<string[]>> = {
  estates: [],
  buildings: [['estateId', 'code']],
  units: [['buildingId'], ['estateId']],
  households: [['estateId', 'roomCode'], ['buildingId'], ['unitId'], ['estateId']],
  persons: [['phone']],
  memberships: [['householdId'], ['personId'], ['estateId'], ['estateId', 'householdId']],
  parking_spaces: [['estateId'], ['householdId'], ['estateId', 'householdId']],
  accounts: [['openid'], ['personId']],
  bindings: [['accountId', 'status'], ['householdId'], ['estateId', 'status']],
  invitations: [['householdId']],
  binding_attempts: [['accountId', 'at']],
  household_search: [['estateId', 'key'], ['householdId']],
  audit_log: [['at'], ['actorId', 'at'], ['collection', 'docId']],
  staff: [['inviteCode']],
  dev_sessions: [],
  job_runs: [['job', 'at']],
  outbox: [
    ['createdAt'],
    ['status', 'nextAttemptAt'],
    ['estateId', 'createdAt'],
    ['estateId', 'status', 'createdAt'],
    ['eventKey', 'status'],
  ],
  message_quota: [['accountId']],
  message_grants: [],
  message_prefs: [],
  wechat_sim_subscriptions: [],
  wechat_sim_faults: [['remaining', 'createdAt']],
  surveys: [
    ['estateId', 'createdAt'],
    ['estateId', 'status', 'publishedAt'],
    ['estateId', 'kind', 'publishedAt'],
    ['invite.state', 'opensAt'],
    ['status', 'closesAt'],
  ],
  survey_responses: [['surveyId']],
  survey_participants: [],
  survey_drafts: [['surveyId']],
  survey_salts: [],
  dashboard_settings: [],
  notices: [
    ['estateId', 'status', 'publishedAt'],
    ['estateId', 'createdAt'],
    ['status', 'publishAt'],
    ['fanout.state'],
  ],
  notice_targets: [
    ['noticeId', 'read', 'roomCode'],
    ['noticeId', 'buildingId', 'read'],
  ],
  notice_reads: [['noticeId'], ['accountId', 'noticeId']],
  notice_reminds: [['state'], ['noticeId', 'round']],
  service_conversations: [
    ['ownerAccountId'],
    ['householdId'],
    ['estateId', 'lastMessageAt'],
    ['estateId', 'assigneeId', 'lastMessageAt'],
    ['estateId', 'unreadByStaff'],
  ],
  service_messages: [['conversationId', 'seq']],
  complaints: [
    ['accountId', 'createdAt'],
    ['householdId', 'createdAt'],
    ['estateId', 'createdAt'],
    ['estateId', 'status', 'createdAt'],
  ],
  service_settings: [],
  fee_standards: [['estateId']],
  meter_readings: [
    ['estateId', 'period', 'householdId'],
    ['householdId', 'meter', 'period'],
  ],
  bills: [
    ['estateId', 'period', 'householdId'],
    ['estateId', 'status', 'dueDate'],
    ['householdId', 'period'],
    // Statistics page through one period or one status in _id order (the 工作台, the reports):
    // with these the next page is an index seek instead of re-sorting every match.
    ['estateId', 'period'],
    ['estateId', 'status'],
  ],
  bill_runs: [['estateId', 'period'], ['status']],
  prepay_accounts: [['estateId', 'householdId']],
  prepay_movements: [['householdId', 'at', 'balanceAfterFen']],
  dunning_attempts: [['billId'], ['estateId', 'dueDate']],
  dunning_segments: [['estateId']],
  dunning_calls: [['estateId', 'status', 'createdAt']],
  billing_settings: [],
  payment_orders: [
    ['householdId', 'createdAt'],
    ['estateId', 'createdAt'],
    ['estateId', 'status', 'createdAt'],
    ['estateId', 'channel', 'createdAt'],
    ['status', 'createdAt'],
    ['channel', 'paidOn'],
  ],
  payment_refunds: [['outTradeNo'], ['state', 'requestedAt']],
  payment_alerts: [['estateId', 'createdAt']],
  payment_receipts: [],
  payment_reconciliations: [],
  workorders: [
    ['householdId', 'createdAt'],
    ['estateId', 'createdAt'],
    ['estateId', 'state'],
    ['estateId', 'assignedAt'],
    ['assigneeId', 'state'],
    ['assigneeId', 'completedAt'],
    ['slaAlertAt'],
    ['state', 'completedAt'],
    ['deviceId', 'createdAt'],
  ],
  workorder_escalations: [['orderId', 'at']],
  workorder_knowledge: [
    ['estateId', 'completedAt'],
    ['estateId', 'category', 'completedAt'],
  ],
  workorder_settings: [],
  workorder_price_lists: [],
  workorder_guards: [],
  iot_credentials: [['estateId']],
  device_state: [['estateId']],
  alarms: [
    ['estateId', 'state', 'raisedAt'],
    ['estateId', 'raisedAt'],
    ['deviceId', 'raisedAt'],
    ['state', 'raisedAt'],
  ],
  telemetry_rules: [['estateId', 'scope']],
  devices: [
    ['estateId', 'code'],
    ['estateId', 'type'],
    ['estateId', 'createdAt'],
  ],
  device_codes: [],
  maintenance_plans: [['estateId', 'createdAt'], ['active']],
  maintenance_occurrences: [['planId', 'dueDate']],
  inspections: [
    ['estateId', 'state', 'dueDate'],
    ['estateId', 'doneAt'],
    ['deviceId', 'createdAt'],
  ],
  device_repairs: [
    ['deviceId', 'at'],
    ['estateId', 'at'],
  ],
};

type Typed<T> = Collection<T & Doc>;

/** A failed binding check, kept to rate-limit guessing. */
export interface BindingAttempt extends Doc {
  accountId: string;
  at: number;
}

/** One key a household can be found by (see shared/property/search-keys). */
export interface HouseholdSearchKey extends Doc {
  estateId: string;
  key: string;
  householdId: string;
}

/** Typed access to the collections; handlers go through this, never through raw names. */
export function collections(store: Store) {
  return {
    estates: store.collection('estates') as Typed<Estate>,
    buildings: store.collection('buildings') as Typed<Building>,
    units: store.collection('units') as Typed<Unit>,
    households: store.collection('households') as Typed<Household>,
    persons: store.collection('persons') as Typed<Person>,
    memberships: store.collection('memberships') as Typed<Membership>,
    parkingSpaces: store.collection('parking_spaces') as Typed<ParkingSpace>,
    accounts: store.collection('accounts') as Typed<Account>,
    bindings: store.collection('bindings') as Typed<Binding>,
    invitations: store.collection('invitations') as Typed<Invitation>,
    bindingAttempts: store.collection<BindingAttempt>('binding_attempts'),
    householdSearch: store.collection<HouseholdSearchKey>('household_search'),
    staff: store.collection('staff') as Typed<StaffMember>,
    feeStandards: store.collection('fee_standards') as Typed<FeeStandard>,
    meterReadings: store.collection('meter_readings') as Typed<MeterReading>,
    bills: store.collection('bills') as Typed<Bill>,
    billRuns: store.collection('bill_runs') as Typed<BillRun>,
    prepayAccounts: store.collection('prepay_accounts') as Typed<PrepayAccount>,
    prepayMovements: store.collection('prepay_movements') as Typed<PrepayMovement>,
    dunningAttempts: store.collection('dunning_attempts') as Typed<DunningAttempt>,
    dunningCalls: store.collection('dunning_calls') as Typed<DunningCall>,
    billingSettings: store.collection('billing_settings') as Typed<BillingSettings>,
    iotCredentials: store.collection('iot_credentials') as Typed<IotCredential>,
    deviceStates: store.collection('device_state') as Typed<DeviceState>,
    alarms: store.collection('alarms') as Typed<Alarm>,
    telemetryRules: store.collection('telemetry_rules') as Typed<TelemetryRulesDoc>,
  };
}
export type Collections = ReturnType<typeof collections>;

export async function ensureAllIndexes(store: Store): Promise<void> {
  for (const [name, indexes] of Object.entries(collectionIndexes)) {
    if (indexes.length) await store.ensureIndexes(name, indexes);
  }
}

/** Read every document matching a filter, page by page (CloudBase caps a page at 1000). */
export async function findAll<T extends Doc>(
  collection: Collection<T>,
  filter: Parameters<Collection<T>['find']>[0],
  options: { sort?: Array<[string, 'asc' | 'desc']>; pageSize?: number; fields?: string[] } = {},
): Promise<T[]> {
  const all: T[] = [];
  let after: string | undefined;
  do {
    const page = await collection.find(filter, {
      sort: options.sort,
      limit: options.pageSize ?? 1000,
      after,
      fields: options.fields,
    });
    all.push(...page.items);
    after = page.next;
  } while (after);
  return all;
}
