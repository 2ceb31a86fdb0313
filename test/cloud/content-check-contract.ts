import type { ContentCheck } from '../../cloudfunctions/ports';

export function describeContentCheckContract(name: string, make: () => ContentCheck): void {
  describe(`ContentCheck contract: ${name}`, () => {
    let check: ContentCheck;
    beforeEach(() => {
      check = make();
    });
    const text = (t: string) => check.checkText({ openid: 'o-entrant-1', text: t, scene: 2 });

    it('passes a clean text without a label', async () => {
      await expect(text('我们的项目专注于工业机器人视觉检测，已服务 30 家制造企业。')).resolves.toEqual({
        verdict: 'pass',
      });
    });

    it('passes an empty text', async () => {
      await expect(text('')).resolves.toEqual({ verdict: 'pass' });
      await expect(text('   ')).resolves.toEqual({ verdict: 'pass' });
    });

    it.each([
      ['你就是个傻逼', '辱骂'],
      ['欢迎访问赌博网站', '违法犯罪'],
      ['加微信领红包啦', '广告'],
    ])('flags %j as risky (%s)', async (t, label) => {
      await expect(text(t)).resolves.toEqual({ verdict: 'risky', label });
    });

    it('sees through spaces and full-width forms', async () => {
      await expect(text('代 开　发 票，量大从优')).resolves.toEqual({ verdict: 'risky', label: '广告' });
    });
  });
}
