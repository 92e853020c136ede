import {
  billRunStatusLabels,
  billStatusLabels,
  daysBetween,
  describeFeeRule,
  feeKindLabels,
  fen,
  lateFeeOf,
  meterLabels,
  meterUnits,
  outstandingOf,
  prepayMovementLabels,
  readingStatusLabels,
  type Bill,
  type BillRun,
  type BillRunView,
  type BillView,
  type FeeStandard,
  type FeeStandardView,
  type LocalDate,
  type MeterReading,
  type MeterReadingView,
  type PrepayMovement,
  type PrepayMovementView,
} from '@linli/shared';

/** A bill as people see it, with the late fee as of `asOf` (computed when read, never stored). */
export function toBillView(bill: Bill, asOf: LocalDate): BillView {
  const outstandingFen = outstandingOf(bill);
  const lateFee = lateFeeOf({ outstandingFen, dueDate: bill.dueDate, asOf, rule: bill.lateFeeRule });
  return {
    billId: bill._id,
    householdId: bill.householdId,
    roomCode: bill.roomCode,
    period: bill.period,
    itemCode: bill.itemCode,
    itemName: bill.itemName,
    kind: bill.kind,
    status: bill.status,
    statusLabel: billStatusLabels[bill.status],
    amountFen: bill.amountFen,
    reliefFen: bill.reliefFen,
    discountFen: bill.discountFen,
    discountFormula: bill.discountFormula ?? null,
    waivedFen: bill.waivedFen,
    paidFen: bill.paidFen,
    prepaidFen: bill.prepaidFen,
    outstandingFen,
    lateFee:
      lateFee && lateFee.amountFen > 0
        ? { amountFen: lateFee.amountFen, overdueDays: lateFee.overdueDays, formula: lateFee.formula }
        : null,
    payableFen: fen(outstandingFen + (lateFee?.amountFen ?? 0)),
    dueDate: bill.dueDate,
    overdueDays: outstandingFen > 0 ? Math.max(0, daysBetween(bill.dueDate, asOf)) : 0,
    lines: bill.lines,
    usage: bill.usage,
    issuedAt: bill.issuedAt,
    settledAt: bill.settledAt,
    waivers: bill.waivers.map((w) => ({
      amountFen: w.amountFen,
      reason: w.reason,
      approvedByName: w.approvedByName,
      at: w.at,
    })),
    void: bill.void ? { reason: bill.void.reason, byName: bill.void.byName, at: bill.void.at } : null,
  };
}

export function toStandardView(standard: FeeStandard): FeeStandardView {
  const { _id, estateId: _estate, createdAt, createdBy: _by, createdByName, ...rule } = standard;
  return {
    standardId: _id,
    itemCode: standard.itemCode,
    name: standard.name,
    kind: standard.kind,
    kindLabel: feeKindLabels[standard.kind],
    effectiveFrom: standard.effectiveFrom,
    active: standard.active,
    description: describeFeeRule(standard),
    rule,
    createdAt,
    createdByName,
  };
}

export function toReadingView(reading: MeterReading): MeterReadingView {
  return {
    readingId: reading._id,
    householdId: reading.householdId,
    roomCode: reading.roomCode,
    meter: reading.meter,
    meterLabel: meterLabels[reading.meter],
    unit: meterUnits[reading.meter],
    period: reading.period,
    reading: reading.reading,
    previousReading: reading.previousReading,
    consumption: reading.consumption,
    replacement: reading.replacement,
    status: reading.status,
    statusLabel: readingStatusLabels[reading.status],
    flag: reading.flag,
    readOn: reading.readOn,
    recordedByName: reading.recordedByName,
    recordedAt: reading.recordedAt,
    reviewNote: reading.reviewNote,
  };
}

export function toRunView(run: BillRun): BillRunView {
  return {
    runId: run._id,
    estateId: run.estateId,
    period: run.period,
    status: run.status,
    statusLabel: billRunStatusLabels[run.status],
    householdsTotal: run.householdsTotal,
    householdsDone: run.householdsDone,
    progressPercent:
      run.status === 'done' || run.householdsTotal === 0
        ? 100
        : Math.min(99, Math.floor((run.householdsDone * 100) / run.householdsTotal)),
    bills: run.bills,
    lines: run.lines,
    amountFen: run.amountFen,
    prepaidFen: run.prepaidFen,
    heldReadings: run.heldReadings,
    missingReadings: run.missingReadings,
    pass: run.pass,
    startedAt: run.startedAt,
    startedByName: run.startedByName,
    finishedAt: run.finishedAt,
  };
}

export function toMovementView(movement: PrepayMovement): PrepayMovementView {
  return {
    movementId: movement._id,
    at: movement.at,
    kind: movement.kind,
    kindLabel: prepayMovementLabels[movement.kind],
    amountFen: movement.amountFen,
    balanceAfterFen: movement.balanceAfterFen,
    billId: movement.billId,
    reference: movement.reference,
    note: movement.note,
  };
}
