export default definePageConfig({ navigationBarTitleText: '新闻管理' });
