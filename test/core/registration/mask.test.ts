import fc from 'fast-check';
import { maskIdNumber, maskMobile, maskName } from '../../../core/registration/mask';

test('the usual shapes', () => {
  expect(maskIdNumber('310101199001011234')).toBe('3101**********1234');
  expect(maskIdNumber('31010119900101123x')).toBe('3101**********123X');
  expect(maskMobile('13812341234')).toBe('138****1234');
  expect(maskMobile('+86 138 1234 1234')).toBe('138****1234');
  expect(maskName('张三丰')).toBe('张**');
  expect(maskName('张三')).toBe('张*');
  expect(maskName(' 欧阳娜娜 ')).toBe('欧***');
});

test('short, empty and odd input reveals less, never more, and never throws', () => {
  expect(maskIdNumber('')).toBe('');
  expect(maskIdNumber('1')).toBe('*');
  expect(maskIdNumber('12345678')).toBe('12****78');
  expect(maskIdNumber('123456789')).toBe('12*****89');
  expect(maskMobile('')).toBe('');
  expect(maskMobile('1381')).toBe('****');
  expect(maskMobile('13812')).toBe('****2');
  expect(maskMobile('138123412345678')).toBe('138********5678');
  expect(maskName('')).toBe('');
  expect(maskName('张')).toBe('*');
  expect(maskName('𠀀𠀁')).toBe('𠀀*'); // one code point outside the BMP is one character
  for (const f of [maskIdNumber, maskMobile, maskName]) {
    expect(f(undefined as unknown as string)).toBe('');
    expect(f(null as unknown as string)).toBe('');
    expect(f(12345 as unknown as string)).toBe('');
  }
});

const revealed = (masked: string) => [...masked].filter((c) => c !== '*').length;

test('an ID number mask keeps the length and never shows the middle (birth date and sequence)', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
      const masked = maskIdNumber(id);
      return masked.length === 18 && masked.slice(4, 14) === '**********' && masked.slice(0, 4) === id.slice(0, 4);
    }),
  );
});

test('a mobile mask keeps the length and never shows digits 4–7', () => {
  fc.assert(
    fc.property(
      fc.stringMatching(/^1[3-9]\d{9}$/),
      (mobile) => maskMobile(mobile) === `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
    ),
  );
});

test('for any input, at least half of an ID number, a third of a mobile and all but one name character are hidden', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
      const id = maskIdNumber(s);
      const mobile = maskMobile(s);
      const name = maskName(s);
      return (
        revealed(id) <= Math.min(8, Math.floor([...id].length / 2)) &&
        revealed(mobile) <= Math.min(7, [...mobile].length - Math.ceil([...mobile].length / 3)) &&
        revealed(name) <= ([...name].length > 1 ? 1 : 0)
      );
    }),
  );
});
