import { createWorkOrder, type WorkOrder } from './order';

/** For tests: 陈先生 of 1-1-1201 reports a kitchen leak at `createdAt` (an urgent in-home plumbing order). */
export function reportedOrder(createdAt: number, fields: Partial<WorkOrder> = {}): WorkOrder {
  const order = createWorkOrder(
    {
      _id: 'wo_1',
      orderNo: 'BX202611300001',
      estateId: 'est_1',
      householdId: 'hh_1',
      location: { kind: 'household', householdId: 'hh_1', roomCode: '1-1-1201' },
      locationLabel: '1-1-1201',
      locationKey: 'hh:hh_1',
      buildingId: 'bld_1',
      category: 'plumbing',
      requiredSkill: 'plumbing',
      description: '厨房水管漏水',
      subject: '厨房水管漏水',
      photos: [],
      preferredTime: null,
      deviceId: null,
      deviceModel: null,
      source: 'owner',
      reporter: { accountId: 'acct_1', name: '陈先生', phone: null },
      priority: 'urgent',
      prioritySource: 'auto',
      priorityReasons: ['关键词“漏水”'],
      createdAt,
    },
    { kind: 'owner', name: '陈先生' },
  );
  return { ...order, ...fields };
}
