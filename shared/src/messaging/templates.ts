import { z } from 'zod';
import { FenSchema } from '../money/money';
import { Period } from '../time/period';
import { LocalDate } from '../time/shanghai';
import { amountValue, dateValue, periodValue, timeValue } from './field-values';
import type { MessageKind } from './kinds';

/** One keyword of a template: WeChat's data key, the label WeChat shows, and its value. */
export interface TemplateKeyword<F> {
  /** e.g. 'thing1'; the prefix is the value type WeChat checks. */
  key: string;
  label: string;
  value(fields: F): string;
}

export interface MessageTemplate<S extends z.ZodType = z.ZodType> {
  /** The template's title in WeChat's template library, shown as the card heading. */
  title: string;
  /** What a feature passes: domain values (fen, epoch ms, dates), not WeChat strings. */
  fields: S;
  keywords: ReadonlyArray<TemplateKeyword<z.output<S>>>;
}

const template = <S extends z.ZodType>(definition: MessageTemplate<S>): MessageTemplate<S> => definition;

/** A house as people read it: '邻里花园 1-1-1201'. Free text, so a long name is shortened. */
const House = z.string().min(1).max(60);
const Text = z.string().min(1).max(200);
const EpochMs = z.number().int().nonnegative();
/** A status word such as 已受理: WeChat's `phrase` (its rule, ≤ 5 Chinese characters, is checked on render). */
const Phrase = z.string().min(1);
/** An order or ticket number: WeChat's `character_string` (≤ 32, checked on render). */
const Code = z.string().min(1);

/**
 * The template each message kind is sent with. The keywords must match, in key and type, the
 * template chosen for the kind in the WeChat console (订阅消息 → 选用模板); the template ids
 * themselves are deployment configuration (cloudfunctions/src/messaging/config.ts).
 */
export const messageTemplates = {
  bill_issued: template({
    title: '账单生成通知',
    fields: z
      .object({ house: House, itemName: Text, period: Period, amountFen: FenSchema, dueDate: LocalDate })
      .strict(),
    keywords: [
      { key: 'thing1', label: '缴费项目', value: (f) => `${f.itemName} ${periodValue(f.period)}` },
      { key: 'thing2', label: '房屋', value: (f) => f.house },
      { key: 'amount3', label: '账单金额', value: (f) => amountValue(f.amountFen) },
      { key: 'date4', label: '缴费期限', value: (f) => dateValue(f.dueDate) },
    ],
  }),
  bill_due: template({
    title: '缴费提醒',
    fields: z
      .object({
        house: House,
        itemName: Text,
        amountFen: FenSchema,
        dueDate: LocalDate,
        note: Text.optional(),
      })
      .strict(),
    keywords: [
      { key: 'thing1', label: '缴费项目', value: (f) => f.itemName },
      { key: 'thing2', label: '房屋', value: (f) => f.house },
      { key: 'amount3', label: '待缴金额', value: (f) => amountValue(f.amountFen) },
      { key: 'date4', label: '缴费期限', value: (f) => dateValue(f.dueDate) },
      { key: 'thing5', label: '温馨提示', value: (f) => f.note ?? '请在期限前缴纳，如已缴费请忽略' },
    ],
  }),
  payment_received: template({
    title: '缴费成功通知',
    fields: z
      .object({
        house: House,
        itemName: Text,
        amountFen: FenSchema,
        paidAt: EpochMs,
        orderNo: Code,
      })
      .strict(),
    keywords: [
      { key: 'thing1', label: '缴费项目', value: (f) => f.itemName },
      { key: 'thing2', label: '房屋', value: (f) => f.house },
      { key: 'amount3', label: '缴费金额', value: (f) => amountValue(f.amountFen) },
      { key: 'time4', label: '缴费时间', value: (f) => timeValue(f.paidAt) },
      { key: 'character_string5', label: '交易单号', value: (f) => f.orderNo },
    ],
  }),
  repair_progress: template({
    title: '报修进度通知',
    fields: z
      .object({
        orderNo: Code,
        subject: Text,
        status: Phrase,
        note: Text.optional(),
        at: EpochMs,
      })
      .strict(),
    keywords: [
      { key: 'character_string1', label: '工单编号', value: (f) => f.orderNo },
      { key: 'thing2', label: '报修内容', value: (f) => f.subject },
      { key: 'phrase3', label: '工单状态', value: (f) => f.status },
      { key: 'thing4', label: '处理说明', value: (f) => f.note ?? '请进入小程序查看详情' },
      { key: 'time5', label: '更新时间', value: (f) => timeValue(f.at) },
    ],
  }),
  notice_published: template({
    title: '社区公告通知',
    fields: z.object({ title: Text, categoryLabel: Phrase, publisher: Text, publishedAt: EpochMs }).strict(),
    keywords: [
      { key: 'thing1', label: '公告标题', value: (f) => f.title },
      { key: 'phrase2', label: '公告类型', value: (f) => f.categoryLabel },
      { key: 'thing3', label: '发布单位', value: (f) => f.publisher },
      { key: 'time4', label: '发布时间', value: (f) => timeValue(f.publishedAt) },
    ],
  }),
  alarm_raised: template({
    title: '设备告警通知',
    fields: z.object({ device: Text, summary: Text, level: Phrase, location: Text, at: EpochMs }).strict(),
    keywords: [
      { key: 'thing1', label: '告警设备', value: (f) => f.device },
      { key: 'thing2', label: '告警内容', value: (f) => f.summary },
      { key: 'phrase3', label: '告警级别', value: (f) => f.level },
      { key: 'thing4', label: '设备位置', value: (f) => f.location },
      { key: 'time5', label: '告警时间', value: (f) => timeValue(f.at) },
    ],
  }),
  binding_decided: template({
    title: '审核结果通知',
    fields: z.object({ house: House, approved: z.boolean(), reason: Text.nullable(), at: EpochMs }).strict(),
    keywords: [
      { key: 'thing1', label: '申请事项', value: (f) => `绑定 ${f.house}` },
      { key: 'phrase2', label: '审核结果', value: (f) => (f.approved ? '已通过' : '未通过') },
      {
        key: 'thing3',
        label: '备注',
        value: (f) => f.reason ?? (f.approved ? '现在可以查看房屋、缴费和报修' : '请核对信息后重新申请'),
      },
      { key: 'time4', label: '审核时间', value: (f) => timeValue(f.at) },
    ],
  }),
  service_reply: template({
    title: '客服回复通知',
    fields: z.object({ topic: Text, reply: Text, replier: Text, at: EpochMs }).strict(),
    keywords: [
      { key: 'thing1', label: '咨询事项', value: (f) => f.topic },
      { key: 'thing2', label: '回复内容', value: (f) => f.reply },
      { key: 'thing3', label: '回复人', value: (f) => f.replier },
      { key: 'time4', label: '回复时间', value: (f) => timeValue(f.at) },
    ],
  }),
} satisfies Record<MessageKind, MessageTemplate>;

type Templates = typeof messageTemplates;

/** The domain values a feature passes for a kind, e.g. `MessageFields<'bill_due'>`. */
export type MessageFields<K extends MessageKind> = z.input<Templates[K]['fields']>;
