export default definePageConfig({ navigationBarTitleText: '收款记录' });
