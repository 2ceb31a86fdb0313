export default definePageConfig({ navigationBarTitleText: '我的评审任务' });
