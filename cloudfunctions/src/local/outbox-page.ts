import type { Doc, Store } from '../_lib/store/port';

interface OutboxMessage extends Doc {
  createdAt: number;
  toOpenid: string;
  templateTitle?: string;
  kind: string;
  fields?: Record<string, string>;
  status: string;
  page?: string;
}

const escape = (text: string | number | undefined): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The local stand-in for WeChat's message delivery: every subscription message the system
 * would send, newest first, drawn as a WeChat service notification card.
 */
export async function renderOutboxPage(store: Store): Promise<string> {
  const page = await store
    .collection<OutboxMessage>('outbox')
    .find({}, { sort: [['createdAt', 'desc']], limit: 200 });
  const cards = page.items
    .map(
      (m) => `<article class="card">
  <header>${escape(m.templateTitle ?? m.kind)}<span class="status">${escape(m.status)}</span></header>
  <dl>${Object.entries(m.fields ?? {})
    .map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`)
    .join('')}</dl>
  <footer>发送给 ${escape(m.toOpenid)} · ${escape(new Date(m.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }))}${m.page ? ` · 打开 ${escape(m.page)}` : ''}</footer>
</article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>订阅消息发件箱 · 邻里</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#ededed;margin:0;padding:16px;color:#111}
h1{font-size:18px}.empty{color:#888}
.card{background:#fff;border-radius:8px;padding:12px 16px;margin:0 0 12px;max-width:480px}
.card header{font-weight:600;display:flex;justify-content:space-between}.status{font-weight:400;color:#07c160;font-size:12px}
dl{display:grid;grid-template-columns:6em 1fr;gap:4px 8px;font-size:14px}dt{color:#888}dd{margin:0}
footer{font-size:12px;color:#999;border-top:1px solid #eee;padding-top:6px}
</style></head><body><h1>订阅消息发件箱（本地）</h1>
${cards || '<p class="empty">暂无消息。系统发送的订阅消息会出现在这里，与微信中看到的一致。</p>'}
</body></html>`;
}
