export default definePageConfig({ navigationBarTitleText: '评审轮次' });
