export default definePageConfig({ navigationBarTitleText: '预存账户' });
