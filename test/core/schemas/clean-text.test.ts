import fc from 'fast-check';
import * as v from 'valibot';
import { isCleanText, text } from '../../../core/schemas/common';
import { validate } from '../../../core/validation';

test('what people type is clean: Chinese, full-width, emoji pairs, tabs and line breaks', () => {
  for (const s of ['上海云帆数据服务有限公司', 'ＡＢＣ科技', '😀👨‍👩‍👧 团队', '第一行\n第二行\r\n\t缩进', '']) {
    expect(isCleanText(s)).toBe(true);
  }
});

test('controls, direction overrides and isolates, direction marks and lone surrogates are not', () => {
  const hidden = [
    '\u0000',
    '\u0007',
    '\u001b[31m',
    '\u007f',
    '\u0085',
    '\u009f',
    '\u061c',
    '\u200e',
    '\u200f',
    '\u202a',
    '\u202b',
    '\u202c',
    '\u202d',
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\ud800',
    '\udfff',
    '\udc00\ud800',
  ];
  for (const h of hidden) {
    expect({ h, clean: isCleanText(`张${h}明`) }).toEqual({ h, clean: false });
    expect({ h, clean: isCleanText(h) }).toEqual({ h, clean: false });
  }
  // At the very end a high surrogate has no partner.
  expect(isCleanText('明\ud83d')).toBe(false);
  expect(isCleanText('明\ud83d\ude00')).toBe(true);
});

test('a text with one hidden character anywhere is refused; the same text without it passes', () => {
  const visible = fc.string({ unit: 'grapheme', maxLength: 30 }).filter(isCleanText);
  const bad = fc.constantFrom('\u0000', '\u202e', '\u2066', '\ud800', '\u200f', '\u001f');
  fc.assert(
    fc.property(visible, visible, bad, (a, b, h) => {
      expect(isCleanText(a + b)).toBe(true);
      expect(isCleanText(a + h + b)).toBe(false);
    }),
  );
});

test('the shared text schema refuses them with the field named, in Chinese', () => {
  const schema = v.object({ name: text('姓名', { max: 20 }) });
  expect(validate(schema, { name: '王\u202e五' })).toEqual({
    ok: false,
    errors: { name: '姓名含有不可见的控制字符或文字方向符号，请删除后重新输入' },
  });
  expect(validate(schema, { name: ' 王五 ' })).toEqual({ ok: true, value: { name: '王五' } });
});
