import { PlatformError } from './platform-error';
import { errorMessageIn, requestLocal } from './local-runtime';
import { saveSessionToken } from './session';

/** A demo identity of the local runtime (H5 only). */
export interface DemoAccount {
  openid: string;
  displayName: string;
  roles: string[];
  description: string;
}

export async function listDemoAccounts(): Promise<DemoAccount[]> {
  const reply = await requestLocal('GET', '/dev/accounts');
  const accounts = (reply.body as { accounts?: unknown } | null)?.accounts;
  if (reply.status !== 200 || !Array.isArray(accounts))
    throw new PlatformError('无法读取演示账号，请确认本地服务正在运行');
  return accounts as DemoAccount[];
}

/** Sign in as a demo account; later calls carry its session. */
export async function signInAs(openid: string): Promise<void> {
  const reply = await requestLocal('POST', '/dev/login', { openid });
  const token = (reply.body as { token?: unknown } | null)?.token;
  if (reply.status !== 200 || typeof token !== 'string')
    throw new PlatformError(errorMessageIn(reply.body) ?? '登录失败，请重新选择账号');
  saveSessionToken(token);
}
