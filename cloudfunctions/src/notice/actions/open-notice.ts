import { AppError, isAppError, targetsHousehold, type Household, type noticeApi } from '@linli/shared';
import { identityOf, type Handler } from '../../_lib/define-function';
import { findByIds } from '../../_lib/find-by-ids';
import type { Doc, Store } from '../../_lib/store/port';
import {
  accountReadId,
  noticeCollections,
  targetHouseholdId,
  type NoticeDoc,
  type TargetHousehold,
} from '../documents';
import { estateNameOf } from '../fan-out';
import { toCard } from '../views';

const ignoreDuplicate = (error: unknown): void => {
  if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
};

/**
 * The household has read the notice: flip its record once (compare-and-set), or create it
 * already read when the fan-out has not reached this household yet.
 */
async function markHouseholdRead(
  store: Store,
  notice: NoticeDoc,
  household: Household & Doc,
  accountId: string,
  now: number,
): Promise<void> {
  const { targets } = noticeCollections(store);
  const id = targetHouseholdId(notice._id, household._id);
  const read = { read: true, readAt: now, firstReaderId: accountId };
  if (await targets.update(id, { set: read }, { read: false })) return;
  if (await targets.get(id)) return; // already read by someone of the household
  const record: TargetHousehold = {
    _id: id,
    noticeId: notice._id,
    estateId: notice.estateId,
    householdId: household._id,
    buildingId: household.buildingId,
    unitId: household.unitId,
    roomCode: household.roomCode,
    ...read,
    createdAt: now,
  };
  try {
    await targets.insert(record);
  } catch (error) {
    ignoreDuplicate(error);
    // The fan-out created it unread a moment ago.
    await targets.update(id, { set: read }, { read: false });
  }
}

/** Open a notice: the body for the detail page; records the read for the account and its homes. */
export const openNotice: Handler<typeof noticeApi.open> = async (input, ctx) => {
  const identity = identityOf(ctx);
  const { notices, reads } = noticeCollections(ctx.store);
  const notice = await notices.get(input.noticeId);
  const homes = notice
    ? [...(await findByIds(ctx.db.households, identity.householdIds)).values()].filter(
        (h) => h.estateId === notice.estateId && targetsHousehold(notice.target, h),
      )
    : [];
  // Not published, withdrawn, or not for this owner: all look the same from outside.
  if (!notice || notice.status !== 'published' || !homes.length)
    throw new AppError('NOT_FOUND', '通知不存在或已撤回');
  const now = ctx.now();
  await reads
    .insert({
      _id: accountReadId(notice._id, identity.accountId),
      noticeId: notice._id,
      estateId: notice.estateId,
      accountId: identity.accountId,
      householdIds: homes.map((h) => h._id),
      readAt: now,
    })
    .catch(ignoreDuplicate);
  for (const home of homes) await markHouseholdRead(ctx.store, notice, home, identity.accountId, now);
  const estateName = await estateNameOf(ctx.store, notice.estateId);
  return {
    ...toCard(
      notice,
      true,
      homes.map((h) => h.roomCode),
    ),
    body: notice.body,
    estateName,
    publisher: `${estateName}物业服务中心`,
    expired: notice.expiresAt !== null && notice.expiresAt <= now,
  };
};
