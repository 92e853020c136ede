import { callerFromPlatform } from './cloudbase-entry';

describe('caller from the CloudBase platform', () => {
  it('takes the OPENID from the WX_ environment, never from the event', () => {
    expect(callerFromPlatform({ WX_OPENID: 'oABC' }, { action: 'me', openid: 'forged' })).toEqual({
      openid: 'oABC',
    });
    expect(callerFromPlatform({}, { action: 'me', openid: 'forged' })).toEqual({ anonymous: true });
  });

  it('treats a timer event as the trigger only when the platform says so', () => {
    expect(callerFromPlatform({ TCB_SOURCE: 'wx_trigger' }, { Type: 'Timer' })).toEqual({ trigger: true });
    expect(callerFromPlatform({ TCB_SOURCE: 'wx_client' }, { Type: 'Timer' })).toEqual({ anonymous: true });
    expect(callerFromPlatform({ TCB_SOURCE: 'wx_client', WX_OPENID: 'o1' }, { Type: 'Timer' })).toEqual({
      openid: 'o1',
    });
  });
});
