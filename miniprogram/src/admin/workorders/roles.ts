import type { StaffRole } from '@linli/shared';

/** Who uses which work-order page: technicians work orders, the desk (客服台) runs them. */
export const workOrderPageRoles = {
  tasks: ['technician'],
  desk: ['admin', 'service'],
} as const satisfies Record<string, readonly StaffRole[]>;
