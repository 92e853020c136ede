export default definePageConfig({ navigationBarTitleText: '工单处理' });
