export default definePageConfig({ navigationBarTitleText: '维修收费标准' });
