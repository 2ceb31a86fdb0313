// The big screen: no navigation bar (and no tab bar: it is no tab page), the projection edge to edge.
export default definePageConfig({
  navigationBarTitleText: '决赛大屏',
  navigationStyle: 'custom',
  backgroundColor: '#2a0309',
  disableScroll: true,
  pageOrientation: 'auto',
});
