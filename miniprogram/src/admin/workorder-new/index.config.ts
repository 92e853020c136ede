export default definePageConfig({ navigationBarTitleText: '代业主报修' });
