export default definePageConfig({ navigationBarTitleText: '阅读统计' });
