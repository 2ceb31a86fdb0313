import fc from 'fast-check';
import {
  CREDIT_CODE_CHARSET,
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  normalizeCreditCode,
} from '../../../core/registration/credit-code';

const charset = [...CREDIT_CODE_CHARSET];
const first17 = fc.array(fc.constantFrom(...charset), { minLength: 17, maxLength: 17 }).map((cs) => cs.join(''));
const validCode = first17.map((body) => body + creditCodeCheckChar(body));

test('the worked example of GB 32100-2015 and codes published by well-known companies pass', () => {
  // The standard computes 3 as the check character of 91350100M000100Y4…
  expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  // …and rejects its input 91350100M000100Y4Z; Z is not even in the code set.
  expect(creditCodeProblem('91350100M000100Y4Z')).toBe('统一社会信用代码含有无效字符（不使用 I、O、S、V、Z）');
  expect(creditCodeProblem('91350100M000100Y4Y')).toBe('统一社会信用代码校验位不正确，请核对');
  // Public codes (national enterprise credit information system): each passing is a 1-in-31 coincidence otherwise.
  for (const code of ['914403001922038216', '9144030071526726XG', '91330100799655058B', '91110108551385082Q']) {
    expect(creditCodeProblem(code)).toBeNull();
  }
  // A weighted sum divisible by 31 gives 31 → 0.
  expect(creditCodeCheckChar('91110000100000000')).toBe('R');
});

test('a weighted sum divisible by 31 gives check value 31, written 0', () => {
  // Weight 28 is a unit mod 31, so exactly one 17th character makes the sum ≡ 0.
  const stem = '9111000010000000';
  const bodies = charset.map((c) => stem + c).filter((b) => creditCodeCheckChar(b) === '0');
  expect(bodies).toHaveLength(1);
  expect(isValidCreditCode(`${bodies[0]}0`)).toBe(true);
});

test('typed input is normalised: spaces, lower case, full-width characters', () => {
  expect(normalizeCreditCode(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
  expect(normalizeCreditCode('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
  expect(normalizeCreditCode('91350100M000100Y43\u3000')).toBe('91350100M000100Y43');
  expect(isValidCreditCode('９１３５ ０１００ｍ０００１００ｙ４３')).toBe(true);
});

test('problems are explained in Chinese, length first', () => {
  expect(creditCodeProblem('')).toBe('请填写统一社会信用代码');
  expect(creditCodeProblem('   ')).toBe('请填写统一社会信用代码');
  expect(creditCodeProblem('91350100M000100Y4')).toBe('统一社会信用代码应为18位');
  expect(creditCodeProblem('310115000123456')).toBe('统一社会信用代码应为18位');
  expect(creditCodeProblem('91350100M000100I43')).toBe('统一社会信用代码含有无效字符（不使用 I、O、S、V、Z）');
  expect(creditCodeProblem('91350100O000100Y43')).toBe('统一社会信用代码含有无效字符（不使用 I、O、S、V、Z）');
  expect(creditCodeProblem('91350100M000100Y4-')).toBe('统一社会信用代码只能包含数字和大写字母');
  expect(creditCodeProblem('91350100M00010中Y43')).toBe('统一社会信用代码只能包含数字和大写字母');
  expect(creditCodeProblem(undefined as unknown as string)).toBe('请填写统一社会信用代码');
});

test('creditCodeCheckChar refuses what is not 17 code-set characters', () => {
  expect(() => creditCodeCheckChar('9135010')).toThrow(RangeError);
  expect(() => creditCodeCheckChar('91350100M000100I4')).toThrow(RangeError);
});

test('generated codes (17 random characters + computed check) are valid', () => {
  fc.assert(fc.property(validCode, (code) => isValidCreditCode(code) && creditCodeProblem(code) === null));
});

test('changing the check character always invalidates', () => {
  fc.assert(
    fc.property(validCode, fc.constantFrom(...charset), (code, c) => {
      fc.pre(c !== code.charAt(17));
      return creditCodeProblem(code.slice(0, 17) + c) === '统一社会信用代码校验位不正确，请核对';
    }),
  );
});

test('every single-character change to the first 17 is detected (weights are units mod the prime 31)', () => {
  fc.assert(
    fc.property(validCode, fc.integer({ min: 0, max: 16 }), fc.constantFrom(...charset), (code, i, c) => {
      fc.pre(c !== code.charAt(i));
      return !isValidCreditCode(code.slice(0, i) + c + code.slice(i + 1));
    }),
  );
});

test('swapping two different adjacent characters of the first 17 is detected', () => {
  fc.assert(
    fc.property(validCode, fc.integer({ min: 0, max: 15 }), (code, i) => {
      fc.pre(code.charAt(i) !== code.charAt(i + 1));
      return !isValidCreditCode(code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2));
    }),
  );
});

test('exhaustively: every substitution in the standard’s example is detected', () => {
  const code = '91350100M000100Y43';
  for (let i = 0; i < 18; i++) {
    for (const c of charset) {
      if (c === code.charAt(i)) continue;
      expect(isValidCreditCode(code.slice(0, i) + c + code.slice(i + 1))).toBe(false);
    }
  }
});
