import Taro from '@tarojs/taro';

/**
 * The dev-login session of the local runtime (H5). In WeChat the caller's identity is the OPENID
 * the platform attaches to every cloud call, so there is nothing to store there.
 */
export const SESSION_STORAGE_KEY = 'linli.session';
export const SESSION_HEADER = 'x-linli-session';
export const DEV_LOGIN_PAGE = '/pages/dev-login/index';

// Several calls of one page fail together without a session; navigate once, not once per call.
let leavingForLogin = false;

export function sessionToken(): string | null {
  const token: unknown = Taro.getStorageSync(SESSION_STORAGE_KEY);
  return typeof token === 'string' && token ? token : null;
}

export function saveSessionToken(token: string): void {
  Taro.setStorageSync(SESSION_STORAGE_KEY, token);
  leavingForLogin = false;
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_STORAGE_KEY);
}

/** H5 only: send the person to pick a demo account. */
export function goToDevLogin(): void {
  if (process.env.TARO_ENV !== 'h5' || leavingForLogin) return;
  if (Taro.getCurrentInstance().router?.path.includes('dev-login')) return;
  leavingForLogin = true;
  void Taro.reLaunch({ url: DEV_LOGIN_PAGE }).finally(() => {
    leavingForLogin = false;
  });
}
