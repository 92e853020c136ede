import {
  AppError,
  consumptionOf,
  meterReadingId,
  outlierFlag,
  periodOf,
  toLocalDate,
  type billingApi,
  type MeterReading,
} from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { actorOf, servedEstateId } from '../access';
import { insertOnce } from '../idempotent-writes';
import { toReadingView } from '../views';

/** Earlier approved consumptions compared with a new one to spot outliers. */
const HISTORY = 6;

/**
 * Record a household's meter reading for a usage month. Checked against the previous reading
 * (a meter never runs backwards unless replaced); a consumption far above the household's
 * average waits for review and is left out of bills until approved.
 */
export const recordReading: Handler<(typeof billingApi)['readings.record']> = async (input, ctx) => {
  const household = await ctx.db.households.get(input.householdId);
  if (!household) throw new AppError('NOT_FOUND', '房屋不存在');
  servedEstateId(ctx, household.estateId);
  const { meter, period } = input;
  if (period > periodOf(ctx.now())) throw new AppError('VALIDATION', '不能录入以后月份的读数');
  const id = meterReadingId(household._id, meter, period);
  const existing = await ctx.db.meterReadings.get(id);
  if (existing && existing.status !== 'rejected')
    throw new AppError(
      'DUPLICATE',
      `${household.roomCode} 本期读数已录入（${existing.reading}），请勿重复提交`,
    );

  const chain = { householdId: household._id, meter };
  const later = await ctx.db.meterReadings.find(
    { where: { ...chain, period: { gt: period }, status: { ne: 'rejected' } } },
    { limit: 1, fields: ['period'] },
  );
  if (later.items.length)
    throw new AppError(
      'PRECONDITION_FAILED',
      `已有 ${later.items[0]!.period} 的读数，不能补录更早账期的读数`,
    );
  const previous = (
    await ctx.db.meterReadings.find(
      { where: { ...chain, period: { lt: period }, status: { ne: 'rejected' } } },
      { sort: [['period', 'desc']], limit: 1 },
    )
  ).items[0];

  const measured = consumptionOf(previous?.reading ?? null, input.reading, input.replacement ?? null);
  if (!measured.ok)
    throw new AppError('VALIDATION', measured.message, {
      issues: [{ path: 'reading', message: measured.message }],
    });
  const history = await ctx.db.meterReadings.find(
    { where: { ...chain, period: { lt: period }, status: 'approved', consumption: { ne: null } } },
    { sort: [['period', 'desc']], limit: HISTORY, fields: ['consumption'] },
  );
  const flag = outlierFlag(
    measured.consumption,
    history.items.map((r) => r.consumption).filter((c): c is string => c !== null),
  );

  const actor = actorOf(ctx);
  const reading: MeterReading = {
    _id: id,
    estateId: household.estateId,
    householdId: household._id,
    roomCode: household.roomCode,
    meter,
    period,
    reading: input.reading,
    readOn: input.readOn ?? toLocalDate(ctx.now()),
    previousReadingId: previous?._id ?? null,
    previousReading: previous?.reading ?? null,
    replacement: input.replacement ?? null,
    consumption: measured.consumption,
    status: flag ? 'pending_review' : 'approved',
    flag,
    recordedBy: actor.id,
    recordedByName: actor.name,
    recordedAt: ctx.now(),
    reviewedBy: null,
    reviewedAt: null,
    reviewNote: null,
  };
  if (existing) {
    // Re-entering a rejected reading: replace it only if it is still the rejected one.
    const { _id, ...fields } = reading;
    if (!(await ctx.db.meterReadings.update(_id, { set: fields }, { status: 'rejected' })))
      throw new AppError('CONFLICT');
  } else if (!(await insertOnce(() => ctx.db.meterReadings.insert(reading)))) {
    throw new AppError('DUPLICATE', `${household.roomCode} 本期读数已录入，请勿重复提交`);
  }
  return toReadingView(reading);
};
