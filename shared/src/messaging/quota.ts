/**
 * The quota ledger's rules. WeChat's one-time subscription: each `accept` of a template lets
 * the server send one message with it, with no expiry, and WeChat offers no way to ask how many
 * are left — so we count them ourselves, per account and template.
 */

/** WeChat shows at most 3 templates per request on older clients (5 on newer); we ask for ≤3. */
export const MAX_TEMPLATES_PER_REQUEST = 3;
/** A forged result cannot claim more accepts than the newest client can show in one prompt. */
export const MAX_ACCEPTS_PER_GRANT = 5;

/** Answers of `requestSubscribeMessage` that grant one send. */
const GRANTING = new Set(['accept', 'acceptWithAudio']);

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter' | 'other';

export interface GrantReading {
  /** Template ids that gain one send each. */
  accepted: string[];
  /** Every known template id in the result with its answer. */
  answers: Record<string, SubscribeAnswer>;
}

/**
 * Read the success result of `requestSubscribeMessage` ({ errMsg, [templateId]: answer }).
 * Keys that are not our templates (errMsg, stale ids) are ignored.
 */
export function readGrant(
  result: Record<string, string>,
  knownTemplateIds: ReadonlySet<string>,
): GrantReading {
  const answers: Record<string, SubscribeAnswer> = {};
  const accepted: string[] = [];
  for (const [templateId, answer] of Object.entries(result)) {
    if (!knownTemplateIds.has(templateId)) continue;
    const granting = GRANTING.has(answer);
    answers[templateId] = granting
      ? 'accept'
      : answer === 'reject' || answer === 'ban' || answer === 'filter'
        ? answer
        : 'other';
    if (granting && accepted.length < MAX_ACCEPTS_PER_GRANT) accepted.push(templateId);
  }
  return { accepted, answers };
}
