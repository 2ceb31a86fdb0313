/**
 * A score sheet's state and its way to the server, shared by 评分 (预赛 / 复赛, `judge.score`) and 现场评分
 * (决赛, `judge.live.score`): every change kept on the phone at once (score-draft.ts), 提交评分 checked with
 * checkPoints and put into the outbox (which sends it now or when the network is back, always under the same
 * requestId), and the outbox's answer (已提交, or the refusal beside the controls) taken back in.
 */
import { useEffect, useRef, useState } from 'react';
import { checkPoints } from '@core/judging/score-input';
import type { Criterion, Rubric } from '@core/judging/types';
import type { MyScoreView } from '@core/judging/views';
import { dropOutboxItem, flushOutbox, outboxItems, type OutboxItem } from '../../services/outbox';
import { scrollPageSoon } from '../../services/scroll';
import { serverNow } from '../../services/server-clock';
import { clearScoreDraft, readScoreDraft, writeScoreDraft } from './score-draft';
import { COMMENT_MAX, emptySheet, pointsOf, sameSheet, sheetFromScore, type SheetValues } from './score-sheet';
import { useOutboxEvents, useOutboxItems } from './useOutbox';

export interface SheetTarget {
  rubric: Rubric;
  openid: string;
  /** Where the draft is kept besides openid and entry: the round's id, or `live:<liveId>`. */
  scope: string;
  entryId: string;
  /** The outbox key of this judge's score of this entry. */
  key: string;
  /** The server's copy of this judge's score, if any. */
  myScore: MyScoreView | null;
  editable: boolean;
  /** Puts the checked sheet into the outbox under `key` (enqueueWrite with the action and its input). */
  enqueue: (points: Record<string, number>, comment: string) => void;
}

interface Initial {
  values: SheetValues;
  /** A local draft newer than the server's score was restored. */
  restored: boolean;
}

function initialSheet(target: SheetTarget): Initial {
  const { rubric, myScore } = target;
  const base = myScore ? sheetFromScore(rubric, myScore) : emptySheet(rubric);
  const draft = readScoreDraft(target.openid, target.scope, target.entryId);
  const serverAt = myScore ? Date.parse(myScore.updatedAt) : Number.NEGATIVE_INFINITY;
  if (draft === null || draft.editedAt <= serverAt) return { values: base, restored: false };
  // Only the rubric's criteria: a draft from before a rubric change keeps what still applies.
  const points = Object.fromEntries(rubric.criteria.map((c) => [c.key, draft.values.points[c.key] ?? '']));
  const values = { points, comment: draft.values.comment };
  return { values, restored: !sameSheet(rubric, values, base) };
}

/** The outbox's refusal as messages beside the controls (points.<key>, comment). */
function refusalErrors(item: OutboxItem | undefined): Record<string, string> {
  const details = item?.failed?.details;
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(details ?? {})) {
    if (typeof message === 'string' && (key.startsWith('points.') || key === 'comment')) out[key] = message;
  }
  return out;
}

function sheetOfData(data: unknown, fallback: SheetValues): SheetValues {
  const sent = data as { points?: Record<string, number>; comment?: string } | null;
  if (!sent?.points) return fallback;
  return {
    points: Object.fromEntries(Object.entries(sent.points).map(([key, value]) => [key, String(value)])),
    comment: sent.comment ?? '',
  };
}

const newer = (a: MyScoreView, b: MyScoreView | null) =>
  b === null || Date.parse(a.updatedAt) > Date.parse(b.updatedAt);

export function useSheetState(target: SheetTarget) {
  const { rubric, openid, scope, entryId, key, editable } = target;

  const [initial] = useState(() => initialSheet(target));
  const [values, setValues] = useState<SheetValues>(initial.values);
  const valuesRef = useRef(values);
  const [errors, setErrors] = useState<Record<string, string>>(() =>
    refusalErrors(outboxItems().find((i) => i.key === key)),
  );
  const [banner, setBanner] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<MyScoreView | null>(target.myScore);
  const [sending, setSending] = useState(false);
  const queued = useOutboxItems().find((i) => i.key === key);

  // A page that reloads its view (the live sheet, on every move of the show) may bring a newer server copy.
  const serverScore = target.myScore;
  useEffect(() => {
    if (serverScore) setConfirmed((prev) => (newer(serverScore, prev) ? serverScore : prev));
  }, [serverScore]);

  useOutboxEvents((event) => {
    if (event.kind === 'failed' && event.item.key === key) {
      setErrors((prev) => ({ ...prev, ...refusalErrors(event.item) }));
      return;
    }
    if (event.kind !== 'sent' || event.item.key !== key) return;
    const answer = event.answer as { score: MyScoreView };
    setConfirmed(answer.score);
    const sent = sheetOfData(event.item.data, valuesRef.current);
    if (sameSheet(rubric, valuesRef.current, sent)) {
      clearScoreDraft(openid, scope, entryId);
    } else {
      // Typed after that submit: still newer than what the server now holds.
      const at = Math.max(serverNow(), Date.parse(answer.score.updatedAt) + 1);
      writeScoreDraft(openid, scope, entryId, valuesRef.current, at);
    }
  });

  const edit = (next: SheetValues, field: string) => {
    valuesRef.current = next;
    setValues(next);
    setBanner(null);
    writeScoreDraft(openid, scope, entryId, next, serverNow());
    if (field === 'comment') {
      setErrors(({ comment: _gone, ...rest }) => rest);
      return;
    }
    const path = `points.${field}`;
    const checked = checkPoints(rubric, pointsOf(rubric, next));
    const found = checked.ok ? undefined : checked.errors[path];
    const empty = (next.points[field] ?? '').trim() === '';
    setErrors((prev) => {
      const { [path]: shown, ...rest } = prev;
      // A missing score is only pointed out on submit (or while its message is already shown).
      if (found === undefined || (empty && shown === undefined)) return rest;
      return { ...rest, [path]: found };
    });
  };

  const setPoint = (criterion: Criterion, text: string) =>
    edit({ ...valuesRef.current, points: { ...valuesRef.current.points, [criterion.key]: text } }, criterion.key);
  const setComment = (comment: string) => edit({ ...valuesRef.current, comment }, 'comment');

  // Not useCloudAction: the score goes through the outbox, which keeps it (and its requestId) across restarts.
  const submit = async () => {
    if (!editable || sending) return;
    const current = valuesRef.current;
    const checked = checkPoints(rubric, pointsOf(rubric, current));
    const comment = current.comment.trim();
    const problems: Record<string, string> = checked.ok ? {} : { ...checked.errors };
    if (comment.length > COMMENT_MAX) problems.comment = `评语不能超过 ${COMMENT_MAX} 个字`;
    if (!checked.ok || Object.keys(problems).length > 0) {
      setErrors(problems);
      setBanner(`还有 ${Object.keys(problems).length} 项需要修改，请检查标红的项目`);
      scrollPageSoon({ selector: '.score-criterion--error' });
      return;
    }
    setErrors({});
    setBanner(null);
    const points = Object.fromEntries(Object.entries(checked.halves).map(([k, halves]) => [k, halves / 2]));
    target.enqueue(points, comment);
    setSending(true);
    try {
      await flushOutbox();
    } finally {
      setSending(false);
    }
  };

  const dirty = confirmed !== null && !sameSheet(rubric, values, sheetFromScore(rubric, confirmed));

  return {
    key,
    values,
    restored: initial.restored,
    errors,
    banner,
    confirmed,
    /** Changes typed since the server's copy (已提交 with 有修改尚未提交). */
    dirty,
    sending,
    queued,
    setPoint,
    setComment,
    submit,
    drop: () => dropOutboxItem(key),
  };
}

export type SheetState = ReturnType<typeof useSheetState>;
