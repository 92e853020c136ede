export default definePageConfig({ navigationBarTitleText: '收缴统计' });
