export default definePageConfig({ navigationBarTitleText: '排名与晋级' });
