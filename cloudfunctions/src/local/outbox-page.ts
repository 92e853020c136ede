import { MessageStatus, messageStatusLabels, shanghai } from '@linli/shared';
import type { Store } from '../_lib/store/port';
import { OUTBOX, type OutboxMessage } from '../messaging/documents';

/** Older documents (written before the messaging service) lack attempts and data. */
type StoredMessage = Partial<OutboxMessage> & Pick<OutboxMessage, '_id' | 'createdAt'> & { status?: string };

const escape = (text: string | number | null | undefined): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const clock = (at: number) => shanghai(at).format('YYYY-MM-DD HH:mm:ss');

const statusClass: Record<string, string> = {
  sent: 'ok',
  pending: 'wait',
  sending: 'wait',
  refused: 'bad',
  failed: 'bad',
  invalid: 'bad',
};

const outcomeLabels: Record<string, string> = {
  sent: '成功',
  retry: '稍后重试',
  refused: '拒收',
  failed: '失败',
};

/** The card the person sees in WeChat's 服务通知: title, date, keyword lines, a way into the app. */
function wechatCard(m: StoredMessage): string {
  const rows = Object.entries(m.fields ?? {})
    .map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`)
    .join('');
  return `<div class="wx">
  <div class="wx-app"><span class="logo">邻</span>邻里<span class="wx-time">${escape(shanghai(m.createdAt).format('M月D日 HH:mm'))}</span></div>
  <div class="wx-title">${escape(m.templateTitle ?? m.kind)}</div>
  <div class="wx-date">${escape(shanghai(m.createdAt).format('M月D日'))}</div>
  <dl>${rows}</dl>
  <div class="wx-enter">${m.page ? '进入小程序查看' : '查看详情'}<span>›</span></div>
</div>`;
}

function attemptsTable(m: StoredMessage): string {
  const attempts = m.attempts ?? [];
  if (!attempts.length) return '<p class="none">尚无发送记录</p>';
  return `<table><tr><th>#</th><th>时间</th><th>结果</th><th>errcode</th><th>说明</th></tr>${attempts
    .map(
      (a) =>
        `<tr><td>${a.no}</td><td>${escape(clock(a.at))}</td><td>${escape(outcomeLabels[a.outcome] ?? a.outcome)}</td><td>${escape(a.errcode ?? '无响应')}</td><td>${escape(a.errmsg)}</td></tr>`,
    )
    .join('')}</table>`;
}

function messageBlock(m: StoredMessage): string {
  const status = m.status ?? '';
  const label = (messageStatusLabels as Record<string, string>)[status] ?? status;
  return `<article class="message" id="${escape(m._id)}">
${wechatCard(m)}
<div class="facts">
  <p><span class="status ${statusClass[status] ?? 'muted'}">${escape(label)}</span>${m.statusReason ? ` ${escape(m.statusReason)}` : ''}</p>
  <p>发送给 <code>${escape(m.toOpenid)}</code>${m.toAccountId ? `（${escape(m.toAccountId)}）` : ''}</p>
  <p>类型 <code>${escape(m.kind)}</code> · 事件 <code>${escape(m.eventKey)}</code> · 模板 <code>${escape(m.templateId)}</code></p>
  ${m.page ? `<p>打开页面 <code>${escape(m.page)}</code></p>` : ''}
  <p>创建于 ${escape(clock(m.createdAt))}${m.nextAttemptAt && status === 'pending' ? ` · 下次发送 ${escape(clock(m.nextAttemptAt))}` : ''}</p>
  ${attemptsTable(m)}
</div>
</article>`;
}

/**
 * The local stand-in for WeChat's message delivery: every subscription message the system
 * produced, newest first, drawn as the 服务通知 card WeChat shows, with its status and every
 * send attempt. `?status=failed` (any status) narrows the list.
 */
export async function renderOutboxPage(
  store: Store,
  options: { status?: string | null } = {},
): Promise<string> {
  const outbox = store.collection<StoredMessage>(OUTBOX);
  const status = MessageStatus.safeParse(options.status).data;
  const [page, counts] = await Promise.all([
    outbox.find(status ? { where: { status } } : {}, { sort: [['createdAt', 'desc']], limit: 200 }),
    Promise.all(MessageStatus.options.map((s) => outbox.count({ where: { status: s } }))),
  ]);
  const filters = [
    `<a href="/outbox"${status ? '' : ' class="on"'}>全部</a>`,
    ...MessageStatus.options.map((s, i) =>
      counts[i]
        ? `<a href="/outbox?status=${s}"${s === status ? ' class="on"' : ''}>${messageStatusLabels[s]} ${counts[i]}</a>`
        : '',
    ),
  ].join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>订阅消息发件箱 · 邻里</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#ededed;margin:0;padding:16px;color:#111}
h1{font-size:18px;margin:0 0 8px}.empty{color:#888}
nav{margin:0 0 16px;display:flex;flex-wrap:wrap;gap:6px}nav a{font-size:13px;color:#333;background:#fff;border-radius:12px;padding:3px 10px;text-decoration:none}nav a.on{background:#07c160;color:#fff}
.message{display:flex;flex-wrap:wrap;gap:16px;margin:0 0 20px;align-items:flex-start}
.wx{background:#fff;border-radius:8px;padding:14px 16px 0;width:340px;box-shadow:0 1px 2px rgba(0,0,0,.05)}
.wx-app{font-size:13px;color:#576b95;display:flex;align-items:center;gap:6px}.logo{display:inline-flex;width:18px;height:18px;border-radius:50%;background:#16a34a;color:#fff;font-size:11px;align-items:center;justify-content:center}
.wx-time{margin-left:auto;color:#b2b2b2;font-size:12px}
.wx-title{font-size:17px;font-weight:500;margin:10px 0 2px}.wx-date{font-size:13px;color:#b2b2b2;margin-bottom:10px}
dl{display:grid;grid-template-columns:5.5em 1fr;gap:6px 10px;font-size:14px;margin:0 0 12px}dt{color:#888}dd{margin:0;word-break:break-all}
.wx-enter{border-top:1px solid #eee;padding:11px 0;font-size:14px;display:flex;justify-content:space-between;color:#111}.wx-enter span{color:#b2b2b2}
.facts{font-size:12px;color:#555;flex:1;min-width:280px}.facts p{margin:0 0 4px}code{font-size:11px;background:#f6f6f6;padding:0 3px}
.status{display:inline-block;border-radius:3px;padding:1px 6px;color:#fff;background:#999}.status.ok{background:#07c160}.status.wait{background:#fa9d3b}.status.bad{background:#e64340}
table{border-collapse:collapse;margin-top:6px;background:#fff}td,th{border:1px solid #e5e5e5;padding:2px 6px;text-align:left;font-weight:400}th{color:#888}.none{color:#999}
</style></head><body><h1>订阅消息发件箱（本地）</h1>
<nav>${filters}</nav>
${page.items.map(messageBlock).join('\n') || '<p class="empty">暂无消息。系统发送的订阅消息会出现在这里，与微信中看到的一致。</p>'}
</body></html>`;
}
