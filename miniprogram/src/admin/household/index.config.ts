export default definePageConfig({ navigationBarTitleText: '房屋详情' });
