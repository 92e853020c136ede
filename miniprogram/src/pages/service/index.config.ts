export default definePageConfig({ navigationBarTitleText: '客服与投诉建议' });
