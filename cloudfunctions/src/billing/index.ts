import { billingApi } from '@linli/shared';
import { defineFunction } from '../_lib/define-function';
import { agingStats } from './actions/aging-stats';
import { callList, exportCalls, markCalled, revealPhone } from './actions/call-list';
import { collectionStatsAction } from './actions/collection-stats';
import { commitRun } from './actions/commit-run';
import { getDunningSchedule, saveDunningSchedule } from './actions/dunning-schedule';
import { exportAging, exportStats } from './actions/export-stats';
import { getBill } from './actions/get-bill';
import { importReadings, readingTemplate } from './actions/import-readings';
import { habitStats } from './actions/habit-stats';
import { listBills } from './actions/list-bills';
import { listReadings } from './actions/list-readings';
import { listStandards } from './actions/list-standards';
import { myBills } from './actions/my-bills';
import { prepayStatement } from './actions/prepay-statement';
import { previewRun } from './actions/preview-run';
import { recordReading } from './actions/record-reading';
import { reviewReading } from './actions/review-reading';
import { runStatus } from './actions/run-status';
import { saveStandard } from './actions/save-standard';
import { voidBill } from './actions/void-bill';
import { waiveBill } from './actions/waive-bill';

/** `billing`: fee standards, meter readings, bill runs, bills, prepayment, statistics, dunning. */
export const billing = defineFunction('billing', billingApi, {
  'standards.list': listStandards,
  'standards.save': saveStandard,
  'readings.record': recordReading,
  'readings.approve': reviewReading,
  'readings.list': listReadings,
  'readings.template': readingTemplate,
  'readings.import': importReadings,
  'run.preview': previewRun,
  'run.commit': commitRun,
  'run.status': runStatus,
  'bills.mine': myBills,
  'bills.get': getBill,
  'bills.list': listBills,
  'bills.void': voidBill,
  'bills.waive': waiveBill,
  'prepay.statement': prepayStatement,
  'stats.collection': collectionStatsAction,
  'stats.aging': agingStats,
  'stats.habits': habitStats,
  'stats.export': exportStats,
  'stats.exportAging': exportAging,
  'dunning.schedule': getDunningSchedule,
  'dunning.saveSchedule': saveDunningSchedule,
  'dunning.callList': callList,
  'dunning.exportCalls': exportCalls,
  'dunning.revealPhone': revealPhone,
  'dunning.markCalled': markCalled,
});
