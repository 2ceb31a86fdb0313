// The page keeps itself current (the show's feed): no pull-down refresh to fumble into mid-score.
export default definePageConfig({ navigationBarTitleText: '现场评分', enablePullDownRefresh: false });
