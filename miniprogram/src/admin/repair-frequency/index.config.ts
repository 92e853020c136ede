export default definePageConfig({ navigationBarTitleText: '报修频次' });
