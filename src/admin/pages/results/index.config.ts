export default definePageConfig({ navigationBarTitleText: '成绩发布' });
