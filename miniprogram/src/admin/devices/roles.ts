import type { StaffRole } from '@linli/shared';

/** Who uses the facilities pages (the 工作台 tiles and the pages check the same lists). */
export const facilityPageRoles = {
  devices: ['admin', 'service', 'technician', 'finance'],
  edit: ['admin'],
  plans: ['admin', 'service', 'technician'],
  inspection: ['admin', 'service', 'technician', 'finance'],
  lifecycle: ['admin', 'finance', 'service'],
} as const satisfies Record<string, readonly StaffRole[]>;
