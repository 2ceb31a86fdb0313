import fc from 'fast-check';
import {
  conflictIndex,
  declaredNames,
  entrantIdentity,
  hasConflict,
  judgeConflicts,
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

describe('a judge’s own entries', () => {
  const noDeclared = declare([]);
  const entry = {
    orgName: '上海云帆数据服务有限公司',
    creditCode: '91310000MA1FL1234X',
    ownerId: 'oOwner',
    identity: 'credit:91310000MA1FL1234X',
  };

  test('the account that submitted an entry, or any entry naming the same company or maker, is a conflict', () => {
    expect(judgeConflicts({ id: 'oOwner', conflicts: noDeclared }, entry)).toBe(true);
    expect(
      judgeConflicts({ id: 'oOther', conflicts: noDeclared, identities: ['credit:91310000MA1FL1234X'] }, entry),
    ).toBe(true);
    expect(judgeConflicts({ id: 'oOther', conflicts: noDeclared, identities: ['maker:abc'] }, entry)).toBe(false);
    expect(judgeConflicts({ id: 'oOther', conflicts: noDeclared }, entry)).toBe(false);
    // Declared conflicts still count.
    expect(judgeConflicts({ id: 'oOther', conflicts: declare(['云帆']) }, entry)).toBe(true);
    // An entry with no known owner is no one's.
    expect(judgeConflicts({ id: 'oOwner', conflicts: noDeclared }, { ...entry, ownerId: null, identity: null })).toBe(
      false,
    );
  });

  test('the identity an entry names is the one-entry-per-edition key, however the code was typed', () => {
    expect(entrantIdentity({ group: 'enterprise', creditCode: ' 91310000ma1fl1234x' })).toBe(
      'credit:91310000MA1FL1234X',
    );
    expect(entrantIdentity({ group: 'maker', idHash: 'ABCDEF0123' })).toBe('maker:abcdef0123');
    expect(entrantIdentity({ group: 'enterprise' })).toBeNull();
    expect(entrantIdentity({ group: 'maker', idHash: '' })).toBeNull();
  });

  test('conflictIndex agrees with judgeConflicts pair by pair, owners and identities included', () => {
    const owners = ['oA', 'oB', 'oC'];
    const identities = ['credit:1', 'credit:2', 'maker:3'];
    const arbEntry = fc.record({
      orgName: fc.constantFrom('华为技术有限公司', '上海云帆数据服务有限公司', 'abc科技'),
      creditCode: fc.constant(null),
      ownerId: fc.option(fc.constantFrom(...owners), { nil: null }),
      identity: fc.option(fc.constantFrom(...identities), { nil: null }),
    });
    const arbJudge = fc.record({
      id: fc.constantFrom(...owners, 'oZ'),
      conflicts: fc.record({ names: fc.subarray(['华为', '云帆', 'xyz']), creditCodes: fc.constant([]) }),
      identities: fc.subarray(identities),
    });
    fc.assert(
      fc.property(fc.array(arbJudge, { maxLength: 5 }), fc.array(arbEntry, { maxLength: 8 }), (judges, entries) => {
        const index = conflictIndex(judges, entries);
        judges.forEach((j, ji) => entries.forEach((e, ei) => expect(index[ji]?.has(ei)).toBe(judgeConflicts(j, e))));
      }),
    );
  });
});
