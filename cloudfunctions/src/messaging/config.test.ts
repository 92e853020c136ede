import { messageKinds } from '@linli/shared';
import { parseMessagingConfig, templateEnvName } from './config';

const allTemplates = Object.fromEntries(messageKinds.map((kind) => [templateEnvName(kind), `T-${kind}`]));

describe('messaging configuration from the environment', () => {
  it('runs on the local simulator with local template ids by default', () => {
    const config = parseMessagingConfig({});
    expect(config).toMatchObject({ transport: 'local', maxAttempts: 5, miniprogramState: 'formal' });
    expect(config.templateIds.bill_due).toBe('local-bill_due');
  });

  it('inside CloudBase it sends through WeChat and refuses to start without its settings', () => {
    expect(() => parseMessagingConfig({ TCB_ENV: 'env-1' })).toThrow(
      /LINLI_WX_APPID.*LINLI_TMPL_BILL_ISSUED/,
    );
    const config = parseMessagingConfig({
      TCB_ENV: 'env-1',
      LINLI_WX_APPID: 'wx123',
      LINLI_WX_APPSECRET: 'secret',
      ...allTemplates,
    });
    expect(config).toMatchObject({ transport: 'wechat', appId: 'wx123' });
    expect(config.templateIds.notice_published).toBe('T-notice_published');
  });

  it('treats an empty placeholder as unset and rejects a malformed template id', () => {
    expect(
      parseMessagingConfig({ LINLI_MESSAGE_TRANSPORT: '', LINLI_TMPL_BILL_DUE: '' }).templateIds.bill_due,
    ).toBe('local-bill_due');
    expect(() => parseMessagingConfig({ LINLI_TMPL_BILL_DUE: 'has spaces' })).toThrow(/LINLI_TMPL_BILL_DUE/);
  });
});
