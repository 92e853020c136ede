export default definePageConfig({ navigationBarTitleText: '客服会话' });
