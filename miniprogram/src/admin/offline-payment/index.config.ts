export default definePageConfig({ navigationBarTitleText: '线下收款' });
