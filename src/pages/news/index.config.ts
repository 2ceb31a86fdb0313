export default definePageConfig({ navigationBarTitleText: '新闻公告' });
