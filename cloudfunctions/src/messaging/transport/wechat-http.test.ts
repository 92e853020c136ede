import { createWechatHttpTransport } from './wechat-http';

interface Call {
  url: string;
  body: Record<string, unknown>;
}

/** A fake WeChat API: answers stable_token and subscribe/send from a script. */
function fakeWechat(sendAnswers: Array<Record<string, unknown>>) {
  const calls: Call[] = [];
  let tokens = 0;
  // The transport only ever passes a URL string and a JSON string body.
  const fetcher = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = input as string;
    calls.push({ url, body: JSON.parse(init?.body as string) as Record<string, unknown> });
    const answer = url.includes('/stable_token')
      ? { access_token: `TOKEN${++tokens}`, expires_in: 7200 }
      : (sendAnswers.shift() ?? { errcode: 0, errmsg: 'ok', msgid: 1 });
    return Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }));
  };
  return { calls, fetcher };
}

const request = {
  touser: 'OPENID',
  template_id: 'TEMPLATE',
  page: 'pages/bills/index',
  data: { thing1: { value: '物业费' } },
  miniprogram_state: 'formal' as const,
  lang: 'zh_CN' as const,
};

describe('WeChat HTTPS transport', () => {
  it('gets a stable access token once and posts the send body WeChat documents', async () => {
    const wechat = fakeWechat([]);
    const transport = createWechatHttpTransport({
      appId: 'wxAPP',
      appSecret: 'SECRET',
      fetch: wechat.fetcher,
    });
    expect(await transport.send(request)).toEqual({ errcode: 0, errmsg: 'ok', msgid: 1 });
    await transport.send(request);
    expect(wechat.calls.map((c) => c.url)).toEqual([
      'https://api.weixin.qq.com/cgi-bin/stable_token',
      'https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=TOKEN1',
      'https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=TOKEN1',
    ]);
    expect(wechat.calls[0]!.body).toEqual({
      grant_type: 'client_credential',
      appid: 'wxAPP',
      secret: 'SECRET',
      force_refresh: false,
    });
    expect(wechat.calls[1]!.body).toEqual(request);
  });

  it('hands back WeChat errors as answers and renews a rejected token', async () => {
    const wechat = fakeWechat([
      { errcode: 40001, errmsg: 'invalid credential' },
      { errcode: 43101, errmsg: 'user refuse' },
    ]);
    const transport = createWechatHttpTransport({
      appId: 'wxAPP',
      appSecret: 'SECRET',
      fetch: wechat.fetcher,
    });
    expect(await transport.send(request)).toEqual({ errcode: 40001, errmsg: 'invalid credential' });
    expect(await transport.send(request)).toEqual({ errcode: 43101, errmsg: 'user refuse' });
    expect(wechat.calls.filter((c) => c.url.includes('stable_token'))).toHaveLength(2);
  });

  it('renews the token before it expires', async () => {
    let now = 0;
    const wechat = fakeWechat([]);
    const transport = createWechatHttpTransport({
      appId: 'wxAPP',
      appSecret: 'SECRET',
      fetch: wechat.fetcher,
      now: () => now,
    });
    await transport.send(request);
    now += 7200_000 - 60_000;
    await transport.send(request);
    expect(wechat.calls.at(-1)!.url).toContain('TOKEN2');
  });

  it('rejects when no answer comes, so the sender retries', async () => {
    const transport = createWechatHttpTransport({
      appId: 'wxAPP',
      appSecret: 'SECRET',
      fetch: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(transport.send(request)).rejects.toThrow('fetch failed');
  });
});
