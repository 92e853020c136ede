export default definePageConfig({ navigationBarTitleText: '出账' });
