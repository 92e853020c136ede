import { checkFieldValue, THING_MAX, valueTypeOfKey } from './field-rules';
import type { MessageKind } from './kinds';
import { messageTemplates, type MessageFields, type MessageTemplate } from './templates';

/** One line of the card as WeChat shows it: label and value. */
export interface MessageRow {
  key: string;
  label: string;
  value: string;
}

export type RenderedMessage =
  | {
      ok: true;
      title: string;
      rows: MessageRow[];
      /** The `data` of subscribeMessage.send. */
      data: Record<string, { value: string }>;
      /** Values shortened to fit (only `thing`), e.g. '公告标题：已截断为 20 字'. */
      adjustments: string[];
    }
  | { ok: false; title: string; problems: string[] };

/**
 * Turn a kind's domain fields into WeChat's data, checking every value against its type's
 * rule. A value WeChat would refuse makes the whole message refused here, with the reasons.
 */
export function renderMessage<K extends MessageKind>(kind: K, fields: MessageFields<K>): RenderedMessage {
  const template = messageTemplates[kind] as MessageTemplate;
  const parsed = template.fields.safeParse(fields);
  if (!parsed.success) {
    return {
      ok: false,
      title: template.title,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '内容'}：${i.message}`),
    };
  }
  const rows: MessageRow[] = [];
  const data: Record<string, { value: string }> = {};
  const adjustments: string[] = [];
  const problems: string[] = [];
  for (const keyword of template.keywords) {
    const type = valueTypeOfKey(keyword.key);
    if (!type) {
      problems.push(`${keyword.label}：模板字段 ${keyword.key} 的类型未知`);
      continue;
    }
    const check = checkFieldValue(type, keyword.value(parsed.data));
    if (!check.ok) {
      problems.push(`${keyword.label}：${check.reason}`);
      continue;
    }
    if (check.truncated) adjustments.push(`${keyword.label}：已截断为 ${THING_MAX} 字`);
    rows.push({ key: keyword.key, label: keyword.label, value: check.value });
    data[keyword.key] = { value: check.value };
  }
  if (problems.length) return { ok: false, title: template.title, problems };
  return { ok: true, title: template.title, rows, data, adjustments };
}
