import fc from 'fast-check';
import {
  conflictIndex,
  declaredNames,
  hasConflict,
  normalizeCreditCode,
  normalizeOrgName,
} from '../../../core/judging/conflicts';

const declare = (names: string[], creditCodes: string[] = []) => ({ names, creditCodes });

test('organization names compare half-width, without whitespace, ASCII lower case', () => {
  expect(normalizeOrgName('  ＡＢＣ 科技　有限公司 ')).toBe('abc科技有限公司');
  expect(normalizeOrgName('Hua\tWei\n华为')).toBe('huawei华为');
  expect(normalizeOrgName('ÄÖ Co')).toBe('ÄÖco'); // only ASCII is folded
  expect(normalizeCreditCode(' ９１３１０ ０００ma1fl1234x ')).toBe('91310000MA1FL1234X');
});

test('a declared credit code matches the entry’s, however it was typed', () => {
  const entry = { orgName: '上海某某科技有限公司', creditCode: '91310000MA1FL1234X' };
  expect(hasConflict(declare([], [' 91310000ma1fl1234x ']), entry)).toBe(true);
  expect(hasConflict(declare([], ['９１３１００００ＭＡ１ＦＬ１２３４Ｘ']), entry)).toBe(true);
  expect(hasConflict(declare([], ['91310000MA1FL12340']), entry)).toBe(false);
  expect(hasConflict(declare([], ['91310000MA1FL1234X']), { ...entry, creditCode: null })).toBe(false);
  // An empty code on both sides is no evidence of anything.
  expect(hasConflict(declare([], ['', '  ']), { ...entry, creditCode: '' })).toBe(false);
});

test('a declared name matches when equal to or contained in the entry’s name; one character is too little', () => {
  const entry = { orgName: '华为技术有限公司', creditCode: null };
  expect(hasConflict(declare(['华为']), entry)).toBe(true);
  expect(hasConflict(declare(['华为技术有限公司']), entry)).toBe(true);
  expect(hasConflict(declare(['华 为 技术']), entry)).toBe(true);
  expect(hasConflict(declare(['华']), entry)).toBe(false);
  expect(hasConflict(declare(['华为技术有限公司上海分公司']), entry)).toBe(false);
  expect(hasConflict(declare(['ＡＢＣ 科技']), { orgName: 'abc科技有限公司', creditCode: null })).toBe(true);
  expect(hasConflict(declare(['abc']), { orgName: 'ABC Robotics', creditCode: null })).toBe(true);
  expect(hasConflict(declare([]), entry)).toBe(false);
  expect(declaredNames(declare(['华', '𠀀', '𠀀𠀁', ' 华为 ', '华为']))).toEqual(['𠀀𠀁', '华为']);
});

const name = fc.string({ unit: fc.constantFrom(...'华为创新ABab 　Ａ'), maxLength: 6 });

test('the conflict index finds exactly the pairs hasConflict finds', () => {
  const code = fc.constantFrom('91310000MA1FL1234X', '91310000ma1fl1234x', ' 913100001234567890', '', 'X');
  fc.assert(
    fc.property(
      fc.array(fc.record({ orgName: name, creditCode: fc.option(code) }), { maxLength: 10 }),
      fc.array(
        fc.record({
          conflicts: fc.record({
            names: fc.array(name, { maxLength: 3 }),
            creditCodes: fc.array(code, { maxLength: 2 }),
          }),
        }),
        {
          maxLength: 6,
        },
      ),
      (entries, judges) => {
        const index = conflictIndex(judges, entries);
        judges.forEach((j, ji) => {
          const expected = entries.flatMap((e, ei) => (hasConflict(j.conflicts, e) ? [ei] : []));
          expect([...index[ji]!].sort((a, b) => a - b)).toEqual(expected);
        });
      },
    ),
    { numRuns: 300 },
  );
});
