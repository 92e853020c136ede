export default definePageConfig({ navigationBarTitleText: '房屋住户' });
