import {
  addPeriods,
  AppError,
  assessReading,
  meterReadingId,
  newMeterReading,
  OUTLIER_HISTORY,
  OUTLIER_WINDOW_MONTHS,
  periodOf,
  toLocalDate,
  type billingApi,
} from '@linli/shared';
import type { Handler } from '../../_lib/define-function';
import { actorOf, servedEstateId } from '../access';
import { insertOnce } from '../idempotent-writes';
import { toReadingView } from '../views';

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

  const history = await ctx.db.meterReadings.find(
    {
      where: {
        ...chain,
        period: { lt: period, gte: addPeriods(period, -OUTLIER_WINDOW_MONTHS) },
        status: 'approved',
        consumption: { ne: null },
      },
    },
    { sort: [['period', 'desc']], limit: OUTLIER_HISTORY, fields: ['consumption'] },
  );
  const assessed = assessReading(
    previous?.reading ?? null,
    input.reading,
    input.replacement ?? null,
    history.items.map((r) => r.consumption).filter((c): c is string => c !== null),
  );
  if (!assessed.ok)
    throw new AppError('VALIDATION', assessed.message, {
      issues: [{ path: 'reading', message: assessed.message }],
    });
  const { consumption, flag } = assessed;

  const reading = newMeterReading({
    household,
    meter,
    period,
    reading: input.reading,
    readOn: input.readOn ?? toLocalDate(ctx.now()),
    replacement: input.replacement ?? null,
    previous: previous ? { id: previous._id, reading: previous.reading } : null,
    consumption,
    flag,
    actor: actorOf(ctx),
    at: ctx.now(),
  });
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
