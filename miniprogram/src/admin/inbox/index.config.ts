export default definePageConfig({ navigationBarTitleText: '客服消息' });
