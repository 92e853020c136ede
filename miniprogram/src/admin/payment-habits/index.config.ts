export default definePageConfig({ navigationBarTitleText: '缴费习惯与催缴策略' });
