export default definePageConfig({
  navigationBarTitleText: '创客中国',
  enablePullDownRefresh: false,
});
