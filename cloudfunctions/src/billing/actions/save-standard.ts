import { AppError, feeKindLabels, feeStandardId, type billingApi, type FeeStandard } from '@linli/shared';
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
  const earlier = await ctx.db.feeStandards.find(
    { where: { estateId, itemCode: rule.itemCode } },
    { limit: 1, fields: ['kind', 'name'] },
  );
  const kind = earlier.items[0]?.kind;
  if (kind && kind !== rule.kind)
    throw new AppError(
      'VALIDATION',
      `收费项目「${earlier.items[0]!.name}」是${feeKindLabels[kind]}收费，不能改为${feeKindLabels[rule.kind]}；请新建收费项目`,
    );
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
