import { collections } from '../_lib/collections';
import { noticeCollections } from './documents';
import { fanOutNotice, type NoticeWorkDeps } from './fan-out';
import { publishNotice } from './publish-notice';
import { runRemindRound } from './remind-round';

export interface NoticeWorkReport {
  published: number;
  fannedOut: number;
  reminded: number;
}

/**
 * The background half of notices, run every minute by the scheduler: publish scheduled
 * notices that fell due, continue publish fan-outs, continue reminder rounds — each until
 * the deadline, resuming next minute where it stopped.
 */
export async function runNoticeWork(deps: NoticeWorkDeps): Promise<NoticeWorkReport> {
  const { notices, reminds } = noticeCollections(deps.store);
  const report: NoticeWorkReport = { published: 0, fannedOut: 0, reminded: 0 };

  const due = await notices.find(
    { where: { status: 'scheduled', publishAt: { lte: deps.now() } } },
    { sort: [['publishAt', 'asc']], limit: 100 },
  );
  for (const notice of due.items)
    if (await publishNotice(deps.store, collections(deps.store), notice, deps.now())) report.published++;

  const fanning = await notices.find(
    { where: { 'fanout.state': { in: ['pending', 'running'] } } },
    { limit: 50, fields: ['_id'] },
  );
  for (const { _id } of fanning.items) {
    if (deps.now() >= deps.deadline) break;
    report.fannedOut += await fanOutNotice(deps, _id);
  }

  const rounds = await reminds.find(
    { where: { state: { in: ['pending', 'running'] } } },
    { limit: 50, fields: ['noticeId', 'round'] },
  );
  for (const round of rounds.items) {
    if (deps.now() >= deps.deadline) break;
    report.reminded += await runRemindRound(deps, round.noticeId, round.round);
  }
  return report;
}
