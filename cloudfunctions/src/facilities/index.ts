import { facilitiesApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { create, detail, list, update } from './actions/devices';
import { exportLedger } from './actions/export-ledger';
import { inspection, inspections, startInspection, submitInspection } from './actions/inspections';
import { labels, scan } from './actions/labels';
import { lifecycle, recordRepairCost } from './actions/lifecycle';
import { plans, runMaintenance, savePlan } from './actions/plans';

/** `facilities`: 设施设备 — device ledger, QR labels, maintenance plans, inspections, lifecycle. */
export const facilities = defineFunction('facilities', facilitiesApi, {
  list,
  detail,
  create,
  update,
  labels,
  scan,
  plans,
  savePlan,
  runMaintenance,
  inspections,
  inspection,
  startInspection,
  submitInspection,
  recordRepairCost,
  lifecycle,
  exportLedger,
});
