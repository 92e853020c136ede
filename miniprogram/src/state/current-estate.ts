import Taro from '@tarojs/taro';

/** Which of a staff member's estates the 工作台 and the staff pages show; they share the choice. */
const STORAGE_KEY = 'linli.estate';

export function pickCurrentEstate(estateIds: readonly string[]): string | null {
  const chosen: unknown = Taro.getStorageSync(STORAGE_KEY);
  return estateIds.find((id) => id === chosen) ?? estateIds[0] ?? null;
}

export function rememberCurrentEstate(estateId: string): void {
  Taro.setStorageSync(STORAGE_KEY, estateId);
}
