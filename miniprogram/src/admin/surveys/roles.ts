import type { StaffRole } from '@linli/shared';

/** Who builds surveys and reads their results (matches the `survey` function's writers). */
export const surveyPageRoles: readonly StaffRole[] = ['admin', 'service'];
