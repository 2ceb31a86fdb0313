export default definePageConfig({ navigationBarTitleText: '成绩公布' });
