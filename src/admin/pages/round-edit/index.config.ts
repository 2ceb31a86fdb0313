export default definePageConfig({ navigationBarTitleText: '评审设置' });
