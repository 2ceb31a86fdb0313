import fc from 'fast-check';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar } from '../../../core/registration/credit-code';
import { entryKeyId } from '../../../core/registration/dedupe-key';

const hash = 'a'.repeat(40) + '0123456789abcdef01234567';

test('the key names the edition, the kind of identity and the identity', () => {
  expect(entryKeyId('edition-9', { group: 'enterprise', creditCode: '91350100M000100Y43' })).toBe(
    'edition-9:credit:91350100M000100Y43',
  );
  expect(entryKeyId('edition-9', { group: 'maker', idHash: hash })).toBe(`edition-9:maker:${hash}`);
});

test('the same company typed differently gives the same key', () => {
  const spellings = [
    '91350100M000100Y43',
    '91350100m000100y43',
    ' 9135 0100 M000 100Y 43 ',
    '９１３５０１００Ｍ０００１００Ｙ４３',
    '９１３５０１００ｍ０００１００ｙ４３\u3000',
  ];
  const keys = new Set(spellings.map((creditCode) => entryKeyId('edition-9', { group: 'enterprise', creditCode })));
  expect([...keys]).toEqual(['edition-9:credit:91350100M000100Y43']);
  expect(entryKeyId('edition-9', { group: 'maker', idHash: hash.toUpperCase() })).toBe(`edition-9:maker:${hash}`);
});

test('different editions and different groups never share a key', () => {
  const a = entryKeyId('edition-9', { group: 'enterprise', creditCode: '91350100M000100Y43' });
  const b = entryKeyId('edition-10', { group: 'enterprise', creditCode: '91350100M000100Y43' });
  expect(a).not.toBe(b);
});

test('keys are document-id safe for any valid code and edition', () => {
  const code = fc
    .array(fc.constantFrom(...CREDIT_CODE_CHARSET), { minLength: 17, maxLength: 17 })
    .map((cs) => cs.join(''))
    .map((body) => body + creditCodeCheckChar(body));
  const edition = fc.stringMatching(/^[A-Za-z0-9_.:-]{1,64}$/);
  const idHash = fc.stringMatching(/^[0-9a-f]{32,64}$/);
  fc.assert(
    fc.property(edition, code, idHash, (e, creditCode, h) => {
      const keys = [entryKeyId(e, { group: 'enterprise', creditCode })];
      if (e.length <= 57) keys.push(entryKeyId(e, { group: 'maker', idHash: h }));
      return keys.every((k) => /^[A-Za-z0-9_.:-]{1,128}$/.test(k));
    }),
  );
});

test.each([
  ['', { group: 'enterprise', creditCode: '91350100M000100Y43' }],
  ['edition 9', { group: 'enterprise', creditCode: '91350100M000100Y43' }],
  ['edition/9', { group: 'enterprise', creditCode: '91350100M000100Y43' }],
  ['e'.repeat(65), { group: 'enterprise', creditCode: '91350100M000100Y43' }],
  ['edition-9', { group: 'enterprise', creditCode: '91350100M000100Y44' }],
  ['edition-9', { group: 'enterprise', creditCode: '' }],
  ['edition-9', { group: 'maker', idHash: 'not-hex' }],
  ['edition-9', { group: 'maker', idHash: 'abc123' }],
  ['edition-9', { group: 'maker', idHash: '11010519491231002X' }],
  ['edition-9', { group: 'maker', idHash: 'f'.repeat(65) }],
  ['e'.repeat(64), { group: 'maker', idHash: 'f'.repeat(64) }],
  ['edition-9', { group: 'institution', creditCode: '91350100M000100Y43' }],
  ['edition-9', null],
])('refuses edition %j with identity %j', (editionId, identity) => {
  expect(() => entryKeyId(editionId, identity as never)).toThrow(RangeError);
});
