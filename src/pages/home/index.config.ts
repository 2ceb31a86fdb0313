export default definePageConfig({
  navigationBarTitleText: '创客中国',
  enablePullDownRefresh: false,
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
