/**
 * Billing rules (收费), pure. The decisions a newcomer needs, each enforced where named:
 *
 * - Money is integer fen. Each bill line is rounded ONCE from exact decimals, by the rounding
 *   rule of its fee standard (default half-up, 四舍五入), so its formula checks on a calculator;
 *   a bill is the sum of its lines (monthly-charge.ts). Tiered (阶梯) metered fees round each
 *   tier's line, then sum (metered-charge.ts). Late fees always round down (late-fee.ts);
 *   advance-payment discounts round the price to pay down (advance-discount.ts): rounding
 *   never works against the resident. Rates show two decimals, half-up (collection-stats.ts).
 * - Standards are versions from an effective date; a period that straddles a change is split
 *   by days, and issued bills keep their lines (fee-standard.ts, monthly-charge.ts).
 * - A monthly fee bills by its cycle (billing-cycle.ts): the natural month, a month from the
 *   handover day, or a quarter / year in advance — one bill, by the run of its first month, with
 *   the standard's advance discount; lines run across the cycle's months (monthly-charge.ts).
 * - Proration is by calendar days of the month: the handover date is the first day owed;
 *   move-in/move-out dates switch between the full and the vacant (空置) rate; free months
 *   (赠送) run from the handover date (occupancy.ts, monthly-charge.ts).
 * - Metered fees bill the month before's consumption (plan-bills.ts); readings that run
 *   backwards are refused, outliers above 3× the average wait for review (meter-reading.ts).
 * - Bills of a period fall due on the standard's due day; late fees are computed when read,
 *   from the due date, after the grace days, capped (late-fee.ts).
 * - Zero bills are not issued; bill ids are household + period + item (bill.ts).
 */
export * from './calendar';
export * from './billing-cycle';
export * from './fee-standard';
export * from './bill';
export * from './occupancy';
export * from './monthly-charge';
export * from './metered-charge';
export * from './meter-reading';
export * from './late-fee';
export * from './advance-discount';
export * from './plan-bills';
export * from './collection-stats';
export * from './aging';
export * from './payment-habits';
export * from './dunning-schedule';
export * from './prepayment';
export * from './bill-run';
export * from './reading-sheet';
