import {
  auditApi,
  formatYuan,
  iotApi,
  paymentApi,
  serviceApi,
  workorderApi,
  type AlarmView,
  type analyticsApi,
  type AuditEntryView,
  type ComplaintView,
  type ConversationView,
  type Fen,
  type PaymentOrderView,
  type SheetExport,
  type WorkOrderSummary,
} from '@linli/shared';
import type { ActionContext, Handler } from '../../_lib/define-function';
import { listEntries } from '../../audit/actions/list-entries';
import { listAlarms } from '../../iot/actions/alarms';
import { listOrders } from '../../payment/actions/read-orders';
import { listComplaints } from '../../service/actions/complaints';
import { inbox } from '../../service/actions/inbox';
import { list as listWorkorders } from '../../workorder/actions/list';
import { allPages, at, sheetOf, type Column } from '../export-sheet';

type Api = typeof analyticsApi;
const yuan = (amount: number): string => formatYuan(amount as Fen, { symbol: false }).replace(/,/g, '');

/** An export action: the list's filters in, every page of the list's own handler out as a sheet. */
function listExport<T>(
  title: string,
  columns: ReadonlyArray<Column<T>>,
  listInput: Parameters<typeof allPages>[0],
  list: Parameters<typeof allPages<T>>[2],
) {
  return async (
    { format, ...filters }: { format: 'csv' | 'xlsx' } & Record<string, unknown>,
    ctx: ActionContext,
  ): Promise<SheetExport> =>
    sheetOf(ctx, format, title, columns, await allPages(listInput, filters, list, ctx));
}

const WORKORDER_COLUMNS: Column<WorkOrderSummary>[] = [
  ['工单号', (o) => o.orderNo],
  ['报修时间', (o) => at(o.createdAt)],
  ['类别', (o) => o.categoryLabel],
  ['事项', (o) => o.subject],
  ['位置', (o) => o.locationLabel],
  ['状态', (o) => o.stateLabel],
  ['优先级', (o) => o.priorityLabel],
  ['来源', (o) => o.sourceLabel],
  ['维修师傅', (o) => o.assigneeName],
  ['期望上门', (o) => o.preferredTimeLabel],
  ['时限', (o) => (o.sla ? `${o.sla.clockLabel ?? ''}${o.sla.statusLabel}` : '')],
  ['更新时间', (o) => at(o.updatedAt)],
];

export const exportWorkorders: Handler<Api['export.workorders']> = listExport(
  '工单列表',
  WORKORDER_COLUMNS,
  workorderApi.list.input,
  listWorkorders,
);

const PAYMENT_COLUMNS: Column<PaymentOrderView>[] = [
  ['订单号', (p) => p.outTradeNo],
  ['下单时间', (p) => at(p.createdAt)],
  ['房号', (p) => p.roomCode],
  ['用途', (p) => p.purposeLabel],
  ['内容', (p) => p.description],
  ['渠道', (p) => p.channelLabel],
  ['状态', (p) => p.statusLabel],
  ['金额（元）', (p) => yuan(p.amountFen)],
  ['已退款（元）', (p) => yuan(p.refundedFen)],
  ['支付时间', (p) => at(p.paidAt)],
  ['微信支付单号', (p) => p.transactionId],
  ['收据号', (p) => p.receiptNo],
  ['经办人', (p) => p.recordedByName],
  ['备注', (p) => p.note ?? p.cancel?.reason ?? p.closeReason],
];

export const exportPayments: Handler<Api['export.payments']> = listExport(
  '收款记录',
  PAYMENT_COLUMNS,
  paymentApi.list.input,
  listOrders,
);

const ALARM_COLUMNS: Column<AlarmView>[] = [
  ['告警时间', (a) => at(a.raisedAt)],
  ['设备', (a) => a.deviceName],
  ['设备类型', (a) => a.deviceTypeLabel],
  ['位置', (a) => a.locationLabel],
  ['告警', (a) => a.label],
  ['级别', (a) => a.severityLabel],
  ['状态', (a) => a.stateLabel],
  ['详情', (a) => a.summary],
  ['重复次数', (a) => a.repeats],
  ['确认时间', (a) => at(a.ackedAt)],
  ['恢复时间', (a) => at(a.clearedAt)],
  ['处理说明', (a) => a.clearNote],
  ['工单号', (a) => a.workOrderNo],
];

export const exportAlarms: Handler<Api['export.alarms']> = listExport(
  '告警列表',
  ALARM_COLUMNS,
  iotApi.alarms.input,
  listAlarms,
);

const CONVERSATION_COLUMNS: Column<ConversationView>[] = [
  ['房号', (c) => c.roomCode],
  ['业主', (c) => c.ownerName],
  ['最近消息时间', (c) => at(c.lastMessageAt)],
  ['最近消息', (c) => c.lastPreview],
  ['最近发言', (c) => (c.lastSide === null ? '' : c.lastSide === 'owner' ? '业主' : '客服')],
  ['未读', (c) => c.unread],
  ['负责人', (c) => c.assigneeName],
  ['发起时间', (c) => at(c.createdAt)],
];

export const exportConversations: Handler<Api['export.conversations']> = listExport(
  '客服会话',
  CONVERSATION_COLUMNS,
  serviceApi.inbox.input,
  inbox,
);

const COMPLAINT_COLUMNS: Column<ComplaintView>[] = [
  ['提交时间', (c) => at(c.createdAt)],
  ['房号', (c) => c.roomCode],
  ['业主', (c) => c.ownerName],
  ['类型', (c) => c.kindLabel],
  ['内容', (c) => c.content],
  ['状态', (c) => c.statusLabel],
  ['处理人', (c) => c.handlerName],
  ['最新回复', (c) => c.latestReply],
  ['更新时间', (c) => at(c.updatedAt)],
];

export const exportComplaints: Handler<Api['export.complaints']> = listExport(
  '投诉建议',
  COMPLAINT_COLUMNS,
  serviceApi.complaints.input,
  listComplaints,
);

const json = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value));

const AUDIT_COLUMNS: Column<AuditEntryView>[] = [
  ['时间', (e) => at(e.at)],
  ['操作人', (e) => e.actorName],
  ['角色', (e) => e.roles.join('、')],
  ['操作', (e) => e.action],
  ['数据集', (e) => e.collection],
  ['记录', (e) => e.docId],
  ['变更', (e) => e.op],
  ['条数', (e) => e.count],
  ['变更前', (e) => json(e.before)],
  ['变更后', (e) => json(e.after)],
];

export const exportAudit: Handler<Api['export.audit']> = listExport(
  '审计日志',
  AUDIT_COLUMNS,
  auditApi.list.input,
  async (input: Parameters<typeof listEntries>[0], ctx) => {
    const page = await listEntries(input, ctx);
    return { items: page.entries, ...(page.next ? { next: page.next } : {}) };
  },
);
