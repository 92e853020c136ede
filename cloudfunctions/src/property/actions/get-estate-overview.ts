import { AppError, sumDecimals, type propertyApi } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { identityOf, type Handler } from '../../_lib/define-function';

export const getEstateOverview: Handler<typeof propertyApi.estateOverview> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const estateId = input.estateId ?? identity.staffEstateIds[0];
  if (!estateId) throw new AppError('FORBIDDEN', '您还没有负责的小区');
  assertServesEstate(identity, estateId);
  const estate = await ctx.db.estates.get(estateId);
  if (!estate) throw new AppError('NOT_FOUND', '小区不存在');

  const where = { where: { estateId } };
  const buildings = await findAll(ctx.db.buildings, where, { sort: [['code', 'asc']] });
  const units = await findAll(ctx.db.units, where);
  const households = await findAll(ctx.db.households, where);
  const [residents, boundHouseholds, parkingSpaces, staff] = await Promise.all([
    ctx.db.memberships.count({ where: { estateId, movedOutOn: null } }),
    findAll(ctx.db.bindings, { where: { estateId, status: 'approved' } }).then(
      (bindings) => new Set(bindings.map((b) => b.householdId)).size,
    ),
    ctx.db.parkingSpaces.count(where),
    findAll(ctx.db.staff, { where: { active: true } }).then(
      (staff) => staff.filter((m) => m.estateIds.includes(estateId)).length,
    ),
  ]);

  const count = (items: Array<{ buildingId: string }>, buildingId: string) =>
    items.filter((item) => item.buildingId === buildingId).length;
  return {
    estateId,
    estateName: estate.name,
    address: estate.address,
    buildings: buildings.map((b) => ({
      buildingId: b._id,
      name: b.name,
      units: count(units, b._id),
      households: count(households, b._id),
    })),
    totals: {
      buildings: buildings.length,
      units: units.length,
      households: households.length,
      residents,
      boundHouseholds,
      parkingSpaces,
      staff,
    },
    totalBuildingArea: sumDecimals(households.map((h) => h.buildingArea)),
  };
};
