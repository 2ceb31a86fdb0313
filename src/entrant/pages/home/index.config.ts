export default definePageConfig({ navigationBarTitleText: '参赛报名' });
