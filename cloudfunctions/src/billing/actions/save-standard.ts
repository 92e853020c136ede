import {
  addDays,
  AppError,
  cycleChangeProblem,
  cycleOfRule,
  feeKindLabels,
  feeStandardId,
  versionInForce,
  type billingApi,
  type FeeStandard,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import type { Handler } from '../../_lib/define-function';
import { actorOf, servedEstateId } from '../access';
import { insertOnce } from '../idempotent-writes';
import { toStandardView } from '../views';

/**
 * Add a version of a fee standard. Versions are never edited or removed: a new price is a new
 * version from its effective date, and issued bills keep the lines they were issued with.
 */
export const saveStandard: Handler<(typeof billingApi)['standards.save']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  if (!(await ctx.db.estates.get(estateId))) throw new AppError('NOT_FOUND', '小区不存在');
  const { rule } = input;
  const versions = await findAll(ctx.db.feeStandards, { where: { estateId, itemCode: rule.itemCode } });
  const kind = versions[0]?.kind;
  if (kind && kind !== rule.kind)
    throw new AppError(
      'VALIDATION',
      `收费项目「${versions[0]!.name}」是${feeKindLabels[kind]}收费，不能改为${feeKindLabels[rule.kind]}；请新建收费项目`,
    );
  // The new version takes over from the one in force the day before, and hands over to the next.
  const before = versionInForce(versions, addDays(rule.effectiveFrom, -1));
  const after = versions
    .filter((v) => v.effectiveFrom > rule.effectiveFrom)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))[0];
  const problem =
    cycleChangeProblem(before ? cycleOfRule(before) : null, cycleOfRule(rule), rule.effectiveFrom) ??
    (after ? cycleChangeProblem(cycleOfRule(rule), cycleOfRule(after), after.effectiveFrom) : null);
  if (problem) throw new AppError('VALIDATION', problem);
  const actor = actorOf(ctx);
  const standard: FeeStandard = {
    ...rule,
    _id: feeStandardId(estateId, rule.itemCode, rule.effectiveFrom),
    estateId,
    createdAt: ctx.now(),
    createdBy: actor.id,
    createdByName: actor.name,
  };
  if (!(await insertOnce(() => ctx.db.feeStandards.insert(standard))))
    throw new AppError(
      'DUPLICATE',
      `该收费项目在 ${rule.effectiveFrom} 已有一个版本；调整请新增其他生效日期的版本`,
    );
  ctx.log.log('info', 'billing.standard.saved', {
    estateId,
    itemCode: rule.itemCode,
    effectiveFrom: rule.effectiveFrom,
  });
  return toStandardView(standard);
};
