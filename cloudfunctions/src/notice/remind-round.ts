import { noticeCollections, remindEventKey, remindRoundId } from './documents';
import { DEFAULT_CHUNK, estateNameOf, notifyHouseholds, type NoticeWorkDeps } from './fan-out';

/**
 * Send one reminder round: page through the notice's households nobody has read yet and
 * enqueue a reminder to their accounts, moving the round's cursor with compare-and-set. The
 * round's event key makes each account's reminder unique per round, so reruns add nothing.
 */
export async function runRemindRound(deps: NoticeWorkDeps, noticeId: string, round: number): Promise<number> {
  const { notices, targets, reminds } = noticeCollections(deps.store);
  const id = remindRoundId(noticeId, round);
  let current = await reminds.get(id);
  if (!current || current.state === 'done' || current.state === 'cancelled') return 0;
  const notice = await notices.get(noticeId);
  if (!notice || notice.status !== 'published') return 0;
  if (current.state === 'pending') {
    await reminds.update(id, { set: { state: 'running' } }, { state: 'pending' });
    current = await reminds.get(id);
    if (current?.state !== 'running') return 0;
  }
  const estateName = await estateNameOf(deps.store, notice.estateId);
  let after = current.after;
  let done = 0;
  while (deps.now() < deps.deadline) {
    const page = await targets.find(
      { where: { noticeId, read: false, ...(after === null ? {} : { _id: { gt: after } }) } },
      { sort: [['_id', 'asc']], limit: deps.chunkSize ?? DEFAULT_CHUNK, fields: ['householdId'] },
    );
    const last = page.items.at(-1)?._id ?? null;
    if (last === null) {
      const finished = await reminds.update(
        id,
        { set: { state: 'done', finishedAt: deps.now() } },
        { after, state: 'running' },
      );
      if (finished)
        await notices.update(
          noticeId,
          { set: { 'reminders.activeRound': null } },
          { 'reminders.activeRound': round },
        );
      break;
    }
    const messages = await notifyHouseholds(
      deps,
      notice,
      estateName,
      page.items.map((t) => t.householdId),
      { eventKey: remindEventKey(noticeId, round), kind: 'remind' },
    );
    const advanced = await reminds.update(
      id,
      { set: { after: last }, inc: { households: page.items.length, messages } },
      { after, state: 'running' },
    );
    if (!advanced) break;
    after = last;
    done += page.items.length;
  }
  return done;
}
