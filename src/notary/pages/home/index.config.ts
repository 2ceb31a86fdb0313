export default definePageConfig({ navigationBarTitleText: '现场公证' });
