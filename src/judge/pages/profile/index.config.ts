export default definePageConfig({ navigationBarTitleText: '我的资料与回避单位' });
