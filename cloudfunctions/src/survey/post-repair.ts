import { isAppError, keyId, postRepairQuestions } from '@linli/shared';
import type { ActionContext } from '../_lib/define-function';
import { workorderCollections } from '../workorder/documents';
import { surveyCollections, type SurveyDoc } from './documents';

/** How long the owner has to answer a post-repair survey. */
export const POST_REPAIR_DAYS = 7;

export const postRepairSurveyId = (orderId: string): string => keyId('svy', 'wo', orderId);

/**
 * Start the short 维修回访 survey for a work order the owner has accepted: published at once to
 * the order's household, named (staff follow up on a bad score), open for a week. Its id comes
 * from the order, so calling it again (a retried acceptance) starts nothing new. Returns the
 * survey id, or null for an order without a household (plans, alarms).
 *
 * Work orders call this when an owner accepts an order (not wired yet: the work-order context
 * owns that step).
 */
export async function startPostRepairSurvey(
  ctx: Pick<ActionContext, 'store' | 'now'>,
  orderId: string,
): Promise<string | null> {
  const order = await workorderCollections(ctx.store).workorders.get(orderId);
  if (!order?.householdId) return null;
  const household = await ctx.store
    .collection<{ _id: string; buildingId: string }>('households')
    .get(order.householdId);
  if (!household) return null;
  const now = ctx.now();
  const subject = Array.from(order.subject).slice(0, 30).join('');
  const survey: SurveyDoc = {
    _id: postRepairSurveyId(orderId),
    estateId: order.estateId,
    kind: 'post_repair',
    title: `维修回访：${subject}`,
    intro: `工单 ${order.orderNo} 已完成，请为本次维修服务打分。`,
    questions: postRepairQuestions(),
    target: { scope: 'households', householdIds: [order.householdId] },
    responseUnit: 'household',
    anonymous: false,
    status: 'published',
    opensAt: now,
    closesAt: now + POST_REPAIR_DAYS * 24 * 60 * 60 * 1000,
    publishedAt: now,
    closedAt: null,
    audience: { households: 1, byBuilding: [{ buildingId: household.buildingId, households: 1 }] },
    invite: { state: 'pending', after: null, messages: 0 },
    reminders: { rounds: 0, lastRequestId: null, lastAt: null },
    draftsClearedAt: null,
    workOrderId: orderId,
    createdBy: 'system',
    createdByName: '系统',
    createdAt: now,
    updatedAt: now,
  };
  try {
    await surveyCollections(ctx.store).surveys.insert(survey);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'DUPLICATE') throw error;
  }
  return survey._id;
}
