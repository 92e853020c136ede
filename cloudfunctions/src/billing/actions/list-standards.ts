import {
  feeItemsOf,
  feeKindLabels,
  toLocalDate,
  versionInForce,
  type billingApi,
  type FeeItemView,
} from '@linli/shared';
import { findAll } from '../../_lib/collections';
import type { Handler } from '../../_lib/define-function';
import { servedEstateId } from '../access';
import { toStandardView } from '../views';

/** Every fee item of an estate: the version in force today, the ones to come, and the history. */
export const listStandards: Handler<(typeof billingApi)['standards.list']> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const today = toLocalDate(ctx.now());
  const items = feeItemsOf(await findAll(ctx.db.feeStandards, { where: { estateId } }));
  return {
    estateId,
    items: items.map((item): FeeItemView => {
      const current = versionInForce(item.versions, today);
      const latest = item.versions[item.versions.length - 1]!;
      return {
        itemCode: item.itemCode,
        name: (current ?? latest).name,
        kind: item.kind,
        kindLabel: feeKindLabels[item.kind],
        current: current ? toStandardView(current) : null,
        upcoming: item.versions.filter((v) => v.effectiveFrom > today).map(toStandardView),
        versions: [...item.versions].reverse().map(toStandardView),
      };
    }),
  };
};
