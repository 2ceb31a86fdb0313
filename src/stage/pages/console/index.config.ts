export default definePageConfig({ navigationBarTitleText: '现场决赛' });
