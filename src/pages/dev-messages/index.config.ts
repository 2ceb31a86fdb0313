export default definePageConfig({ navigationBarTitleText: '微信消息（本地模拟）' });
