import { analyticsApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { exportHabits, exportRepairs } from './actions/export-analyses';
import {
  exportAlarms,
  exportAudit,
  exportComplaints,
  exportConversations,
  exportPayments,
  exportWorkorders,
} from './actions/export-lists';
import { applyStrategy, habitSegments, resetStrategy } from './actions/payment-habits';
import { repairFrequencyAction } from './actions/repair-frequency';

/** `analytics`: payment habits and dunning strategies, repair frequency, and list exports. */
export const analytics = defineFunction('analytics', analyticsApi, {
  'habits.segments': habitSegments,
  'habits.apply': applyStrategy,
  'habits.reset': resetStrategy,
  'repairs.frequency': repairFrequencyAction,
  'export.habits': exportHabits,
  'export.repairs': exportRepairs,
  'export.workorders': exportWorkorders,
  'export.payments': exportPayments,
  'export.alarms': exportAlarms,
  'export.conversations': exportConversations,
  'export.complaints': exportComplaints,
  'export.audit': exportAudit,
});
