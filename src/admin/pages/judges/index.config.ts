export default definePageConfig({ navigationBarTitleText: '评委管理' });
