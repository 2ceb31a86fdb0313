import * as v from 'valibot';

/**
 * The building blocks of every action's input. Each text is cleaned of what can disguise it (control
 * characters, bidi overrides, lone surrogates) and each number and list has bounds, so nothing a client
 * sends reaches a use case or a store unchecked (test/core/schema-bounds.test.ts walks every action).
 */

/** Empty input for actions that take none; unknown keys are dropped. */
export const noInput = v.optional(v.object({}), {});

/**
 * Code points that have no place in what people type and can make one name look like another in an admin
 * list: C0 / C1 controls (tab and line breaks excepted), the bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069) with the direction marks (U+200E, U+200F, U+061C), and UTF-16 surrogates
 * that are not part of a pair. A loop, not a regex: lookbehind is missing on older mini-program engines.
 */
export function isCleanText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return false;
    if (c >= 0x7f && c <= 0x9f) return false;
    if (c === 0x061c || c === 0x200e || c === 0x200f) return false;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i += 1;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/** The check every text schema carries (the bounds test looks for this very function). */
export function clean(label: string) {
  return v.check(isCleanText, `${label}含有不可见的控制字符或文字方向符号，请删除后重新输入`);
}

/** A required text, trimmed, with Chinese messages naming the field. */
export function text(label: string, options: { min?: number; max: number }) {
  const min = options.min ?? 1;
  return v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    clean(label),
    v.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    v.maxLength(options.max, `${label}不能超过 ${options.max} 个字`),
  );
}

/** An optional text (trimmed; may be empty), e.g. a note or a reason. */
export function optionalText(label: string, max: number) {
  return v.optional(
    v.pipe(v.string(`${label}应为文字`), v.trim(), clean(label), v.maxLength(max, `${label}不能超过 ${max} 个字`)),
  );
}

/** Like optionalText, but absent means `fallback`. */
export function textOr(label: string, max: number, fallback: string) {
  return v.optional(
    v.pipe(v.string(`${label}应为文字`), v.trim(), clean(label), v.maxLength(max, `${label}不能超过 ${max} 个字`)),
    fallback,
  );
}

/** A search box: trimmed, at most 40 characters. */
export function searchQuery(message = '请输入搜索词') {
  return v.pipe(v.string(message), v.trim(), clean('搜索词'), v.maxLength(40, '搜索词不能超过 40 个字'));
}

/** A document id as the stores use them: short, no spaces or slashes. */
export function id(label: string) {
  return v.pipe(v.string(`请提供${label}`), v.regex(/^[A-Za-z0-9_.:-]{1,64}$/, `${label}格式不正确`));
}

/** A list of ids, e.g. the entries chosen at a cut-off. */
export function ids(label: string, max: number) {
  return v.pipe(v.array(id(label)), v.maxLength(max, `最多 ${max} 个${label}`));
}

/** A whole number within bounds (out of range is refused, never clamped). */
export function int(label: string, min: number, max: number) {
  return v.pipe(
    v.number(`请填写${label}`),
    v.integer(`${label}应为整数`),
    v.minValue(min, `${label}不能小于 ${min}`),
    v.maxValue(max, `${label}不能大于 ${max}`),
  );
}

/** A number within bounds that may have decimals (±Infinity fails the bounds, NaN fails `number`). */
export function decimal(label: string, min: number, max: number) {
  return v.pipe(
    v.number(`请填写${label}`),
    v.minValue(min, `${label}不能小于 ${min}`),
    v.maxValue(max, `${label}不能大于 ${max}`),
  );
}

/** Page numbers stop here: 10,000 pages of 100 rows is more than any list of a contest holds. */
export const MAX_PAGE = 10_000;

/** `page` and `pageSize` of a paged list. */
export function paging(maxPageSize: number, defaultPageSize: number) {
  return {
    page: v.optional(
      v.pipe(
        v.number('页码应为数字'),
        v.integer('页码应为整数'),
        v.minValue(1, '页码从 1 开始'),
        v.maxValue(MAX_PAGE, '页码过大'),
      ),
      1,
    ),
    pageSize: v.optional(
      v.pipe(
        v.number('每页条数应为数字'),
        v.integer('每页条数应为整数'),
        v.minValue(1, '每页至少 1 条'),
        v.maxValue(maxPageSize, `每页最多 ${maxPageSize} 条`),
      ),
      defaultPageSize,
    ),
  };
}

/** 公示期 in days, 0 for none. */
export const publicityDays = v.optional(int('公示天数', 0, 30), 0);

/** A reason, required only by the decisions that need one (checked by `reasonRequired`). */
export const reason = optionalText('理由', 200);

/** A point in time with its offset, as the wire carries times. */
export function instant(label: string) {
  return v.pipe(v.string(`请填写${label}`), v.isoTimestamp(`${label}应为带时区的时间，例如 2024-08-31T23:59:59+08:00`));
}

/** A calendar date, YYYY-MM-DD. */
export function day(label: string) {
  return v.pipe(v.string(`请填写${label}`), v.isoDate(`${label}应为 YYYY-MM-DD 格式的日期`));
}
