import { REDACTED, companyNameForms, redactNames } from '../../../core/judging/blind';

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
