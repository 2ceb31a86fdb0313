export default definePageConfig({ navigationBarTitleText: '评委绑定' });
