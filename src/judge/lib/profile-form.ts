/**
 * The judge's profile form (绑定 and 我的资料): values as typed, the input the schema takes, and the
 * schema's per-field messages mapped back onto the lines the judge sees. Blank conflict lines are left
 * out of what is sent, so their numbering differs from the list on screen; `lines` keeps the mapping.
 */
import { useCallback, useRef, useState } from 'react';
import * as v from 'valibot';
import { judgeProfileInput } from '@core/judging/schemas';
import type { JudgeView } from '@core/judging/views';
import { validate } from '@core/validation';
import type { CloudError } from '../../services/cloud';

export interface ProfileValues {
  name: string;
  organization: string;
  title: string;
  expertise: string[];
  conflictNames: string[];
  conflictCodes: string[];
}

export interface ProfileInput {
  name: string;
  organization: string;
  title: string;
  expertise: string[];
  conflicts: { names: string[]; creditCodes: string[] };
}

export type ProfileErrors = Record<string, string>;

/** The fields the form shows; any other message goes to the form's banner. */
export const PROFILE_FIELDS = ['name', 'organization', 'title', 'expertise', 'conflictNames', 'conflictCodes'] as const;

export function emptyProfile(name = ''): ProfileValues {
  return { name, organization: '', title: '', expertise: [], conflictNames: [], conflictCodes: [] };
}

export function profileFromJudge(judge: JudgeView): ProfileValues {
  return {
    name: judge.name,
    organization: judge.organization,
    title: judge.title,
    expertise: [...judge.expertise],
    conflictNames: [...judge.conflicts.names],
    conflictCodes: [...judge.conflicts.creditCodes],
  };
}

/** Where each conflict line sent sits on screen (blank lines are not sent). */
export interface Lines {
  names: number[];
  codes: number[];
}

export function toProfileInput(values: ProfileValues): { input: ProfileInput; lines: Lines } {
  const keep = (list: string[]) => list.flatMap((text, line) => (text.trim() === '' ? [] : [{ text, line }]));
  const names = keep(values.conflictNames);
  const codes = keep(values.conflictCodes);
  return {
    input: {
      name: values.name,
      organization: values.organization,
      title: values.title,
      expertise: values.expertise,
      conflicts: { names: names.map((n) => n.text), creditCodes: codes.map((c) => c.text) },
    },
    lines: { names: names.map((n) => n.line), codes: codes.map((c) => c.line) },
  };
}

/**
 * Schema or server messages keyed by input path (`conflicts.names.2`) → keyed by what the form shows
 * (`conflictNames.<line on screen>`); anything unknown is returned under `_`.
 */
export function profileErrors(details: Record<string, unknown> | undefined, lines: Lines): ProfileErrors {
  const out: ProfileErrors = {};
  for (const [path, message] of Object.entries(details ?? {})) {
    if (typeof message !== 'string') continue;
    const line = /^conflicts\.(names|creditCodes)\.(\d+)$/.exec(path);
    if (line) {
      const list = line[1] === 'names' ? lines.names : lines.codes;
      const index = list[Number(line[2])];
      out[`${line[1] === 'names' ? 'conflictNames' : 'conflictCodes'}.${index ?? 0}`] ??= message;
    } else if (path === 'conflicts.names' || path === 'conflicts.creditCodes') {
      out[path === 'conflicts.names' ? 'conflictNames' : 'conflictCodes'] ??= message;
    } else if (/^expertise(\.\d+)?$/.test(path)) {
      out.expertise ??= message;
    } else if ((PROFILE_FIELDS as readonly string[]).includes(path)) {
      out[path] ??= message;
    } else {
      out._ ??= message;
    }
  }
  return out;
}

/** A refusal of 绑定 or 保存 as the form shows it: messages beside the lines they name, the rest in the banner. */
export function profileRefusal(
  failure: CloudError,
  lines: Lines,
): { beside: ProfileErrors; banner: { code: string; message: string } } {
  const { _: other, ...beside } = profileErrors(failure.details as Record<string, unknown> | undefined, lines);
  const count = Object.keys(beside).length;
  return {
    beside,
    banner: {
      code: failure.code,
      message: count > 0 ? `还有 ${count} 项需要修改，请检查标红的项目` : (other ?? failure.message),
    },
  };
}

const profileSchema = v.object(judgeProfileInput);

export function checkProfile(
  values: ProfileValues,
): { ok: true; input: ProfileInput } | { ok: false; errors: ProfileErrors } {
  const { input, lines } = toProfileInput(values);
  const result = validate(profileSchema, input);
  return result.ok ? { ok: true, input } : { ok: false, errors: profileErrors(result.errors, lines) };
}

/** Which error keys belong to a field: `conflictNames` covers the list and each of its lines. */
function belongs(key: string, field: string): boolean {
  return key === field || key.startsWith(`${field}.`);
}

/**
 * The form's state: a field's message appears once it has been left (or on submit) and then follows the
 * typing, like the 报名 form.
 */
export function useProfileForm(initial: ProfileValues) {
  const [values, setValues] = useState(initial);
  const valuesRef = useRef(values);
  const [errors, setErrors] = useState<ProfileErrors>({});

  const recheck = useCallback((next: ProfileValues, fields: readonly string[], show: 'touched' | 'shown') => {
    const result = checkProfile(next);
    const found = result.ok ? {} : result.errors;
    setErrors((prev) => {
      const out: ProfileErrors = {};
      for (const [key, message] of Object.entries(prev)) if (!fields.some((f) => belongs(key, f))) out[key] = message;
      for (const field of fields) {
        const shown = Object.keys(prev).some((key) => belongs(key, field));
        if (show === 'shown' && !shown) continue;
        for (const [key, message] of Object.entries(found)) if (belongs(key, field)) out[key] = message;
      }
      return out;
    });
  }, []);

  const change = useCallback(
    (next: ProfileValues, fields: readonly string[]) => {
      valuesRef.current = next;
      setValues(next);
      recheck(next, fields, 'shown');
    },
    [recheck],
  );

  const blur = useCallback((field: string) => recheck(valuesRef.current, [field], 'touched'), [recheck]);

  return { values, valuesRef, errors, setErrors, change, blur };
}
