import type { StaffRole } from '@linli/shared';

/** Who works alarms (the 工作台 tile and the pages check the same lists). */
export const alarmPageRoles = {
  alarms: ['admin', 'service', 'technician'],
  rules: ['admin', 'service', 'technician'],
} as const satisfies Record<string, readonly StaffRole[]>;
