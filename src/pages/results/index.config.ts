export default definePageConfig({
  navigationBarTitleText: '成绩公布',
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
