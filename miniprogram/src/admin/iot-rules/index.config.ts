export default definePageConfig({ navigationBarTitleText: '告警规则' });
