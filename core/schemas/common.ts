import * as v from 'valibot';

/** Empty input for actions that take none; unknown keys are dropped. */
export const noInput = v.optional(v.object({}), {});

/** A required single-line text, trimmed, with Chinese messages naming the field. */
export function text(label: string, options: { min?: number; max: number }) {
  const min = options.min ?? 1;
  return v.pipe(
    v.string(`请填写${label}`),
    v.trim(),
    v.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    v.maxLength(options.max, `${label}不能超过 ${options.max} 个字`),
  );
}

/** A document id as the stores use them: short, no spaces or slashes. */
export function id(label: string) {
  return v.pipe(v.string(`请提供${label}`), v.regex(/^[A-Za-z0-9_.:-]{1,64}$/, `${label}格式不正确`));
}
