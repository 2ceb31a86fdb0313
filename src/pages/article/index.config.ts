export default definePageConfig({
  navigationBarTitleText: '新闻公告',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
