import { useState } from 'react';
import type { FieldErrors } from '@core/errors';
import type { CriterionDraft, RoundDraft } from '../../../lib/round-form';

/** One change to the form; `errorKeys` are the messages it answers (they go as the box is edited). */
export type UpdateDraft = (patch: Partial<RoundDraft>, ...errorKeys: string[]) => void;

export interface RoundDraftState {
  draft: RoundDraft;
  errors: FieldErrors;
  setErrors: (errors: FieldErrors) => void;
  update: UpdateDraft;
  /** Rows moved, added or removed. */
  setCriteria: (criteria: CriterionDraft[]) => void;
  setCriterion: (index: number, patch: Partial<CriterionDraft>) => void;
  /** Back to `base` (after a save: the stored round). */
  discard: () => void;
  /** The rubric as stored again, the other edits kept (the rubric locked under the edit). */
  restoreCriteria: (criteria: CriterionDraft[]) => void;
}

/**
 * The round editor's edits over `base` (the stored round, or a new one) and the messages beside its boxes.
 * Kept apart from the form so that an untouched form follows the stored round as it reloads.
 */
export function useRoundDraft(base: RoundDraft, onEdit: () => void): RoundDraftState {
  const [edited, setEdited] = useState<RoundDraft | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const draft = edited ?? base;

  const clear = (...keys: string[]) =>
    setErrors((current) => {
      if (!keys.some((k) => current[k])) return current;
      const next = { ...current };
      for (const k of keys) delete next[k];
      return next;
    });
  const update: UpdateDraft = (patch, ...errorKeys) => {
    onEdit();
    setEdited((current) => ({ ...(current ?? base), ...patch }));
    clear(...errorKeys);
  };
  // Rows moved or removed: every row's message may now sit beside another row, so they all go.
  const setCriteria = (criteria: CriterionDraft[]) => {
    onEdit();
    setEdited((current) => ({ ...(current ?? base), criteria }));
    setErrors((current) => {
      const next: FieldErrors = {};
      for (const [k, v] of Object.entries(current)) if (!k.startsWith('rubric')) next[k] = v;
      return next;
    });
  };
  const setCriterion = (index: number, patch: Partial<CriterionDraft>) => {
    const field = Object.keys(patch)[0] ?? '';
    onEdit();
    setEdited((current) => {
      const from = current ?? base;
      return { ...from, criteria: from.criteria.map((c, i) => (i === index ? { ...c, ...patch } : c)) };
    });
    clear(`rubric.criteria.${index}.${field}`, 'rubric.criteria', 'rubric');
  };
  return {
    draft,
    errors,
    setErrors,
    update,
    setCriteria,
    setCriterion,
    discard: () => setEdited(null),
    restoreCriteria: (criteria) => setEdited((current) => (current ? { ...current, criteria } : current)),
  };
}
