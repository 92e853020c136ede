export default definePageConfig({ navigationBarTitleText: '设备寿命分析' });
