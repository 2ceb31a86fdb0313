import fc from 'fast-check';
import {
  birthDateOf,
  idNumberCheckChar,
  idNumberProblem,
  isValidIdNumber,
  normalizeIdNumber,
} from '../../../core/registration/id-number';

const today = '2024-06-30';
const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((ds) => ds.join(''));
const birthDay = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2024-06-30T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const validId = fc
  .tuple(digits(6), birthDay, digits(3))
  .map(([area, birth, seq]) => area + birth + seq)
  .map((body) => body + idNumberCheckChar(body));
const idChars = [...'0123456789X'];

test('the examples of GB 11643-1999 have the right check characters', () => {
  expect(idNumberCheckChar('11010519491231002')).toBe('X');
  expect(isValidIdNumber('11010519491231002X', today)).toBe(true);
  expect(idNumberCheckChar('44052418800101001')).toBe('4');
  // …but a birth in 1880 is refused here: nobody entering is that old.
  expect(idNumberProblem('440524188001010014', today)).toBe('身份证号码中的出生日期无效');
  expect(isValidIdNumber('310101199001011234', today)).toBe(true);
});

test('typed input is normalised: spaces, lower-case x, full-width characters', () => {
  expect(normalizeIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
  expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  expect(isValidIdNumber('１１０１０５１９４９１２３１００２ｘ', today)).toBe(true);
});

test.each([
  ['', '请填写身份证号码'],
  ['11010519491231002', '身份证号码应为18位'],
  ['110105194912310', '身份证号码应为18位'],
  ['1101051949123100XX', '身份证号码格式不正确（前17位为数字，最后一位为数字或X）'],
  ['11010519491231002Y', '身份证号码格式不正确（前17位为数字，最后一位为数字或X）'],
  ['110105194902300021', '身份证号码中的出生日期无效'],
  ['110105190002290021', '身份证号码中的出生日期无效'],
  ['110105189912310021', '身份证号码中的出生日期无效'],
  ['110105202407010021', '身份证号码中的出生日期无效'],
  ['110105194913010021', '身份证号码中的出生日期无效'],
  ['110105194912000021', '身份证号码中的出生日期无效'],
  ['110105194912310021', '身份证号码校验位不正确，请核对'],
])('idNumberProblem(%s) = %s', (id, message) => {
  expect(idNumberProblem(id, today)).toBe(message);
});

test('birth dates: leap days, and today is still allowed', () => {
  const withCheck = (body: string) => body + idNumberCheckChar(body);
  expect(isValidIdNumber(withCheck('11010520000229002'), today)).toBe(true); // 2000 is a leap year
  expect(isValidIdNumber(withCheck('11010519000101002'), today)).toBe(true);
  expect(isValidIdNumber(withCheck('11010520240630002'), today)).toBe(true);
  expect(isValidIdNumber(withCheck('11010520240630002'), '2024-06-29')).toBe(false);
  expect(isValidIdNumber(withCheck('11010519000229002'), today)).toBe(false); // 1900 is not
});

test('birthDateOf reads positions 7–14, or null', () => {
  expect(birthDateOf('11010519491231002x')).toBe('1949-12-31');
  expect(birthDateOf('110105194902300021')).toBeNull();
  expect(birthDateOf('1101051949123')).toBeNull();
  expect(birthDateOf('')).toBeNull();
});

test('a malformed today is the caller’s bug', () => {
  expect(() => idNumberProblem('11010519491231002X', '2024/06/30')).toThrow(RangeError);
  expect(() => idNumberProblem('11010519491231002X', '2024-02-30')).toThrow(RangeError);
  expect(() => idNumberCheckChar('1101051949123100A')).toThrow(RangeError);
});

test('generated numbers (area + real birth date + sequence + computed check) are valid', () => {
  fc.assert(fc.property(validId, (id) => idNumberProblem(id, today) === null));
});

test('changing the check character always invalidates', () => {
  fc.assert(
    fc.property(validId, fc.constantFrom(...idChars), (id, c) => {
      fc.pre(c !== id.charAt(17));
      return idNumberProblem(id.slice(0, 17) + c, today) === '身份证号码校验位不正确，请核对';
    }),
  );
});

test('every single-digit change to the first 17 is detected (weights are units mod the prime 11)', () => {
  fc.assert(
    fc.property(validId, fc.integer({ min: 0, max: 16 }), fc.constantFrom(...idChars), (id, i, c) => {
      fc.pre(c !== id.charAt(i));
      return !isValidIdNumber(id.slice(0, i) + c + id.slice(i + 1), today);
    }),
  );
});

test('swapping two different adjacent digits of the first 17 is detected', () => {
  fc.assert(
    fc.property(validId, fc.integer({ min: 0, max: 15 }), (id, i) => {
      fc.pre(id.charAt(i) !== id.charAt(i + 1));
      return !isValidIdNumber(id.slice(0, i) + id.charAt(i + 1) + id.charAt(i) + id.slice(i + 2), today);
    }),
  );
});
