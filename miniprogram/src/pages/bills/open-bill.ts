import Taro from '@tarojs/taro';

export const openBill = (billId: string) =>
  void Taro.navigateTo({ url: `/pages/bill-detail/index?id=${encodeURIComponent(billId)}` });
