import { AppError, type propertyApi, type RoomCell } from '@linli/shared';
import { assertServesEstate } from '../../_lib/authorize';
import { findAll } from '../../_lib/collections';
import { identityOf, type ActionContext, type Handler } from '../../_lib/define-function';

export function servedEstateId(ctx: ActionContext, requested?: string): string {
  const identity = identityOf(ctx);
  const estateId = requested ?? identity.staffEstateIds[0];
  if (!estateId) throw new AppError('FORBIDDEN', '您还没有负责的小区');
  assertServesEstate(identity, estateId);
  return estateId;
}

export const getTree: Handler<typeof propertyApi.tree> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const estate = await ctx.db.estates.get(estateId);
  if (!estate) throw new AppError('NOT_FOUND', '小区不存在');
  const buildings = await findAll(ctx.db.buildings, { where: { estateId } }, { sort: [['code', 'asc']] });
  const units = await findAll(ctx.db.units, { where: { estateId } }, { sort: [['code', 'asc']] });
  const households = await findAll(ctx.db.households, { where: { estateId } });
  const perUnit = new Map<string, number>();
  for (const h of households) perUnit.set(h.unitId, (perUnit.get(h.unitId) ?? 0) + 1);
  return {
    estateId,
    estateName: estate.name,
    buildings: buildings
      .sort((a, b) => a.code.localeCompare(b.code, 'zh-CN', { numeric: true }))
      .map((b) => ({
        buildingId: b._id,
        code: b.code,
        name: b.name,
        floors: b.floors,
        units: units
          .filter((u) => u.buildingId === b._id)
          .map((u) => ({ unitId: u._id, code: u.code, name: u.name, households: perUnit.get(u._id) ?? 0 })),
      })),
  };
};

export const getUnitRooms: Handler<typeof propertyApi.unitRooms> = async (input, ctx) => {
  const unit = await ctx.db.units.get(input.unitId);
  if (!unit) throw new AppError('NOT_FOUND', '单元不存在');
  servedEstateId(ctx, unit.estateId);
  const households = await findAll(ctx.db.households, { where: { unitId: unit._id } });
  const floors = new Map<number, RoomCell[]>();
  for (const h of households) {
    const owners = await findAll(ctx.db.memberships, {
      where: { householdId: h._id, relation: 'owner', movedOutOn: null },
    });
    const owner = owners[0] ? await ctx.db.persons.get(owners[0].personId) : null;
    const bound = (await ctx.db.bindings.count({ where: { householdId: h._id, status: 'approved' } })) > 0;
    const cell: RoomCell = {
      householdId: h._id,
      roomNo: h.roomNo,
      roomCode: h.roomCode,
      floor: h.floor,
      occupancy: h.occupancy,
      ownerName: owner?.name ?? null,
      bound,
    };
    floors.set(h.floor, [...(floors.get(h.floor) ?? []), cell]);
  }
  return {
    unitId: unit._id,
    floors: [...floors.entries()]
      .sort(([a], [b]) => b - a)
      .map(([floor, rooms]) => ({
        floor,
        rooms: rooms.sort((a, b) => a.roomNo.localeCompare(b.roomNo, 'en', { numeric: true })),
      })),
  };
};
