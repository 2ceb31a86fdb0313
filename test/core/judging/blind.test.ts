import { REDACTED, blindNames, companyNameForms, redactNames, tradeName } from '../../../core/judging/blind';

test('a company is known by its full name, without the legal form, and without the region', () => {
  expect(companyNameForms('上海星河智能科技有限公司')).toEqual([
    '上海星河智能科技有限公司',
    '上海星河智能科技',
    '星河智能科技',
  ]);
  expect(companyNameForms('浙江省杭州数联股份有限公司')).toEqual([
    '浙江省杭州数联股份有限公司',
    '浙江省杭州数联',
    '杭州数联',
  ]);
  // Too short a stem would redact ordinary words: kept only from 4 characters.
  expect(companyNameForms('上海甲乙有限公司')).toEqual(['上海甲乙有限公司', '上海甲乙']);
});

test('free text loses every form of the names, longest first', () => {
  const text = '上海星河智能科技有限公司成立于2018年，星河智能科技团队由张明带领；星河的产品……';
  const out = redactNames(text, [...companyNameForms('上海星河智能科技有限公司'), '张明']);
  expect(out).toBe(`${REDACTED}成立于2018年，${REDACTED}团队由${REDACTED}带领；星河的产品……`);
  expect(out).not.toContain('星河智能');
  // One-character names are not names: they would eat ordinary text.
  expect(redactNames('王者归来', ['王'])).toBe('王者归来');
});

test('the trade name (字号) is what is left without region, legal form and trade words', () => {
  expect(tradeName('上海云帆数据服务有限公司')).toBe('云帆');
  expect(tradeName('上海星河智能科技有限公司')).toBe('星河');
  expect(tradeName('浙江省杭州数联股份有限公司')).toBe('杭州数联');
  expect(tradeName('北京字节跳动网络技术有限公司')).toBe('字节跳动');
  // Never down to one character, nor nothing.
  expect(tradeName('上海科技有限公司')).toBe('科技');
  expect(tradeName('甲有限公司')).toBeNull();
});

test('under blind review a project name loses the trade name too', () => {
  const names = blindNames({
    orgName: '上海云帆数据服务有限公司',
    form: { group: 'enterprise', companyName: '上海云帆数据服务有限公司', contactName: '张明' },
  });
  expect(redactNames('云帆中小企业数据中台', names)).toBe(`${REDACTED}中小企业数据中台`);
  expect(redactNames('由张明带队的数据中台', names)).toBe(`由${REDACTED}带队的数据中台`);
  const maker = blindNames({
    orgName: '李娜',
    form: { group: 'maker', leaderName: '李娜', members: [{ name: '王小明' }] },
  });
  expect(redactNames('李娜与王小明的储能管理器', maker)).toBe(`${REDACTED}与${REDACTED}的储能管理器`);
});
