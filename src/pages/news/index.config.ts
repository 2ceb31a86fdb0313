export default definePageConfig({
  navigationBarTitleText: '新闻公告',
  // Ask for the next page a little before the very end, so scrolling rarely stops at a spinner.
  onReachBottomDistance: 120,
});
