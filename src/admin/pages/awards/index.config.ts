export default definePageConfig({ navigationBarTitleText: '评定奖项' });
