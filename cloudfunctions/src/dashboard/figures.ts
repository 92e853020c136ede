import {
  addPeriods,
  arrearsTile,
  collectionTile,
  deskStateGroupLabels,
  deskStateGroups,
  OPEN_DESK_GROUPS,
  OPEN_DESK_STATES,
  periodOf,
  rateOf,
  Severity,
  severityLabels,
  surveyPhase,
  surveyPhaseLabels,
  toLocalDate,
  type DashboardAlarms,
  type DashboardArrears,
  type DashboardCollection,
  type DashboardNotice,
  type DashboardServiceDesk,
  type DashboardSurvey,
  type DashboardWorkOrders,
  type Period,
  type WorkOrderState,
} from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import { loadStatBills } from '../billing/stats/load-stat-bills';
import { alarmFilter } from '../iot/alarm-filter';
import { noticeCollections } from '../notice/documents';
import { householdReads } from '../notice/household-reads';
import { complaintFilter, inboxFilter } from '../service/desk-filters';
import { serviceCollections } from '../service/documents';
import { latestGeneralSurvey } from '../survey/latest';
import { aggregateStored } from '../survey/read-responses';
import { workorderCollections } from '../workorder/documents';
import { deskOrderFilter } from '../workorder/list-filter';
import { targetPercentOf } from './settings';

/**
 * The 工作台 figures of one estate, each counted with the very filter (or report code) of the
 * list its tile opens, so a tile and its list cannot disagree.
 */
type Ctx = Pick<ActionContext, 'db' | 'store' | 'now'>;

/** How many recent notices the tile shows. */
const RECENT_NOTICES = 3;

/**
 * This month's bills; before this month's run (the first days of a month), last month's, so
 * the tile shows the collection in progress rather than an empty month.
 */
async function latestMonthBills(ctx: Ctx, estateId: string, current: Period) {
  for (const period of [current, addPeriods(current, -1)]) {
    const bills = await loadStatBills(ctx.db, estateId, { periodFrom: period, periodTo: period });
    if (bills.length) return { period, bills };
  }
  return { period: current, bills: [] };
}

export async function collectionFigures(ctx: Ctx, estateId: string): Promise<DashboardCollection> {
  const now = ctx.now();
  const [{ period, bills }, targetPercent] = await Promise.all([
    latestMonthBills(ctx, estateId, periodOf(now)),
    targetPercentOf(ctx.store, estateId),
  ]);
  return collectionTile(bills, period, toLocalDate(now), targetPercent);
}

/** The aging report's figures (`billing/stats.aging` reads the same open bills). */
export async function arrearsFigures(ctx: Ctx, estateId: string): Promise<DashboardArrears> {
  return arrearsTile(await loadStatBills(ctx.db, estateId, { open: true }), toLocalDate(ctx.now()));
}

/** Open orders by the desk list's tabs; at-risk and breached among them, as its 超时 filters count. */
export async function workOrderFigures(ctx: Ctx, estateId: string): Promise<DashboardWorkOrders> {
  const now = ctx.now();
  const { workorders } = workorderCollections(ctx.store);
  const count = (states: readonly WorkOrderState[], slaRisk?: 'at_risk' | 'breached') =>
    workorders.count({ where: deskOrderFilter(estateId, { states, ...(slaRisk ? { slaRisk } : {}) }, now) });
  const [groups, atRisk, breached] = await Promise.all([
    Promise.all(OPEN_DESK_GROUPS.map((group) => count(deskStateGroups[group]))),
    count(OPEN_DESK_STATES, 'at_risk'),
    count(OPEN_DESK_STATES, 'breached'),
  ]);
  const byGroup = OPEN_DESK_GROUPS.map((group, i) => ({
    group,
    label: deskStateGroupLabels[group],
    count: groups[i]!,
  }));
  return { open: byGroup.reduce((n, g) => n + g.count, 0), byGroup, atRisk, breached };
}

/** Active alarms by severity and unacknowledged, as the alarm list filters and counts them. */
export async function alarmFigures(ctx: Ctx, estateId: string): Promise<DashboardAlarms> {
  const [unacked, ...perSeverity] = await Promise.all([
    ctx.db.alarms.count({ where: alarmFilter(estateId, { state: 'active_unacked' }) }),
    ...Severity.options.map((severity) =>
      ctx.db.alarms.count({ where: alarmFilter(estateId, { scope: 'active', severity }) }),
    ),
  ]);
  const bySeverity = Severity.options.map((severity, i) => ({
    severity,
    label: severityLabels[severity],
    count: perSeverity[i]!,
  }));
  return { active: bySeverity.reduce((n, s) => n + s.count, 0), unacked, bySeverity };
}

/** The inbox's 未读 filter and the complaint list's 待受理 tab. */
export async function serviceDeskFigures(
  ctx: Ctx,
  estateId: string,
  accountId: string,
): Promise<DashboardServiceDesk> {
  const { conversations, complaints } = serviceCollections(ctx.store);
  const [unreadConversations, pendingComplaints] = await Promise.all([
    conversations.count({ where: inboxFilter(estateId, 'unread', accountId) }),
    complaints.count({ where: complaintFilter(estateId, { status: 'submitted' }) }),
  ]);
  return { unreadConversations, pendingComplaints };
}

/** The latest general survey's index and response rate, aggregated as its results page does. */
export async function surveyFigures(ctx: Ctx, estateId: string): Promise<DashboardSurvey | null> {
  const survey = await latestGeneralSurvey(ctx.store, estateId);
  if (!survey) return null;
  const results = await aggregateStored(ctx.store, survey, 0);
  return {
    surveyId: survey._id,
    title: survey.title,
    phaseLabel: surveyPhaseLabels[surveyPhase(survey, ctx.now())],
    overallIndex: results.overallIndex,
    rate: results.rate,
  };
}

export async function recentNotices(ctx: Ctx, estateId: string): Promise<DashboardNotice[]> {
  const { items } = await noticeCollections(ctx.store).notices.find(
    { where: { estateId, status: 'published' } },
    { sort: [['publishedAt', 'desc']], limit: RECENT_NOTICES },
  );
  return Promise.all(
    items.map(async (notice) => {
      // The same count as the notice list and its statistics: read households of the audience.
      const reads = await householdReads(ctx.store, notice);
      return {
        noticeId: notice._id,
        title: notice.title,
        publishedAt: notice.publishedAt ?? notice.createdAt,
        readRate: rateOf(reads?.read ?? 0, reads?.total ?? 0),
      };
    }),
  );
}
