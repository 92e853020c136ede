import {
  dashboardTileAccess,
  mayOpen,
  toLocalDate,
  type dashboardApi,
  type DashboardTile,
} from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { servedEstateId } from '../../property/actions/browse';
import {
  alarmFigures,
  arrearsFigures,
  collectionFigures,
  recentNotices,
  serviceDeskFigures,
  surveyFigures,
  workOrderFigures,
} from '../figures';

/** Runs `load` only when the caller may open the tile's list; otherwise the tile is null. */
export function tileFor(roles: Parameters<typeof mayOpen>[0]) {
  return <T>(tile: DashboardTile, load: () => Promise<T>): Promise<T | null> =>
    mayOpen(roles, dashboardTileAccess[tile]) ? load() : Promise.resolve(null);
}

export const overview: Handler<typeof dashboardApi.overview> = async (input, ctx) => {
  const estateId = servedEstateId(ctx, input.estateId);
  const identity = identityOf(ctx);
  const tile = tileFor(identity.roles);
  const now = ctx.now();
  const [estate, collection, arrears, workOrders, alarms, serviceDesk, notices, survey] = await Promise.all([
    ctx.db.estates.get(estateId),
    tile('collection', () => collectionFigures(ctx, estateId)),
    tile('arrears', () => arrearsFigures(ctx, estateId)),
    tile('workOrders', () => workOrderFigures(ctx, estateId)),
    tile('alarms', () => alarmFigures(ctx, estateId)),
    tile('serviceDesk', () => serviceDeskFigures(ctx, estateId, identity.accountId)),
    tile('notices', () => recentNotices(ctx, estateId)),
    tile('survey', () => surveyFigures(ctx, estateId)),
  ]);
  return {
    estateId,
    estateName: estate?.name ?? '',
    asOf: toLocalDate(now),
    generatedAt: now,
    collection,
    arrears,
    workOrders,
    alarms,
    serviceDesk,
    notices,
    survey,
  };
};
