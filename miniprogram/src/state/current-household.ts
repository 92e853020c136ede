import Taro from '@tarojs/taro';
import type { BoundHousehold } from '@linli/shared';

/** Which of the account's households the owner is looking at; 首页, 缴费 and 我的 share it. */
const STORAGE_KEY = 'linli.household';

export function pickCurrentHousehold<H extends Pick<BoundHousehold, 'householdId'>>(
  households: readonly H[],
): H | null {
  const chosen: unknown = Taro.getStorageSync(STORAGE_KEY);
  return households.find((h) => h.householdId === chosen) ?? households[0] ?? null;
}

export function rememberCurrentHousehold(householdId: string): void {
  Taro.setStorageSync(STORAGE_KEY, householdId);
}

export function forgetCurrentHousehold(): void {
  Taro.removeStorageSync(STORAGE_KEY);
}
