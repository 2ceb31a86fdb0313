export default definePageConfig({ navigationBarTitleText: '决策记录' });
