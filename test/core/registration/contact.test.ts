import fc from 'fast-check';
import { emailProblem, mobileProblem, normalizeEmail, normalizeMobile } from '../../../core/registration/contact';

test('mobile numbers are normalised from the ways people write them', () => {
  expect(normalizeMobile('138 1234 1234')).toBe('13812341234');
  expect(normalizeMobile('138-1234-1234')).toBe('13812341234');
  expect(normalizeMobile('+86 138 1234 1234')).toBe('13812341234');
  expect(normalizeMobile('(+86)13812341234')).toBe('13812341234');
  expect(normalizeMobile('008613812341234')).toBe('13812341234');
  expect(normalizeMobile('8613812341234')).toBe('13812341234');
  expect(normalizeMobile('１３８１２３４１２３４')).toBe('13812341234');
  expect(normalizeMobile('＋８６\u3000１３８１２３４１２３４')).toBe('13812341234');
  // Not a country prefix when it would not leave 11 digits.
  expect(normalizeMobile('861381234123')).toBe('861381234123');
});

test.each([
  ['13812341234', null],
  ['19912341234', null],
  ['14512341234', null],
  ['+86 166 1234 1234', null],
  ['', '请填写手机号码'],
  ['  ', '请填写手机号码'],
  ['1381234123a', '手机号码只能包含数字'],
  ['+1 415 555 0100', '手机号码只能包含数字'],
  ['1381234123', '手机号码应为11位'],
  ['138123412345', '手机号码应为11位'],
  ['12812341234', '手机号码格式不正确，请填写中国大陆手机号码'],
  ['23812341234', '手机号码格式不正确，请填写中国大陆手机号码'],
])('mobileProblem(%s) = %s', (input, expected) => {
  expect(mobileProblem(input)).toBe(expected);
});

test('every 1[3-9] + 9 digits is accepted, in half or full width', () => {
  const toFull = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  fc.assert(
    fc.property(
      fc.stringMatching(/^1[3-9]\d{9}$/),
      (m) => mobileProblem(m) === null && mobileProblem(toFull(m)) === null,
    ),
  );
});

test.each([
  ['zhang.san@example.com', null],
  ['ZHANG+contest@Mail.Example.CN', null],
  ['a_b-c%d@sub-domain.example.org', null],
  ['user@example.xn--fiqs8s', null],
  ['user@xn--fiqs8s', '电子邮箱格式不正确'],
  [' zhangsan＠qq．com ', null],
  ['', '请填写电子邮箱'],
  ['zhangsan', '电子邮箱格式不正确'],
  ['zhangsan@', '电子邮箱格式不正确'],
  ['@qq.com', '电子邮箱格式不正确'],
  ['zhang san@qq.com', '电子邮箱格式不正确'],
  ['zhangsan@qq', '电子邮箱格式不正确'],
  ['zhangsan@qq.c', '电子邮箱格式不正确'],
  ['zhang..san@qq.com', '电子邮箱格式不正确'],
  ['.zhangsan@qq.com', '电子邮箱格式不正确'],
  ['zhangsan@-qq.com', '电子邮箱格式不正确'],
  ['zhangsan@qq..com', '电子邮箱格式不正确'],
  ['a@b@qq.com', '电子邮箱格式不正确'],
  ['张三@qq.com', '电子邮箱格式不正确'],
  [`${'a'.repeat(65)}@qq.com`, '电子邮箱格式不正确'],
  [`a@${'b'.repeat(250)}.com`, '电子邮箱过长'],
])('emailProblem(%s) = %s', (input, expected) => {
  expect(emailProblem(input)).toBe(expected);
});

test('an e-mail keeps its local part and lower-cases its domain', () => {
  expect(normalizeEmail(' Zhang.San@Mail.Example.CN ')).toBe('Zhang.San@mail.example.cn');
  expect(normalizeEmail('zhangsan＠ＱＱ．ｃｏｍ')).toBe('zhangsan@qq.com');
});
