/**
 * The score sheet's state and its way to the server: every change kept on the phone at once, 提交评分
 * checked with checkPoints and put into the outbox (which sends it now or when the network is back), and
 * the outbox's answer (已提交 or the refusal beside the controls) taken back in.
 */
import { useRef, useState } from 'react';
import type { ActionOutput } from '@core/actions';
import { checkPoints } from '@core/judging/score-input';
import type { Criterion } from '@core/judging/types';
import type { JudgeEntryView, MyScoreView } from '@core/judging/views';
import { dropOutboxItem, enqueueWrite, flushOutbox, outboxItems, type OutboxItem } from '../../../services/outbox';
import { scrollPageSoon } from '../../../services/scroll';
import { serverNow } from '../../../services/server-clock';
import { clearScoreDraft, readScoreDraft, writeScoreDraft } from '../../lib/score-draft';
import { emptySheet, pointsOf, sameSheet, scoreKey, sheetFromScore, type SheetValues } from '../../lib/score-sheet';
import { useOutboxEvents, useOutboxItems } from '../../lib/useOutbox';

export const COMMENT_MAX = 500;

interface Initial {
  values: SheetValues;
  /** A local draft newer than the server's score was restored. */
  restored: boolean;
}

function initialSheet(entry: JudgeEntryView, openid: string): Initial {
  const rubric = entry.round.rubric;
  const base = entry.myScore ? sheetFromScore(rubric, entry.myScore) : emptySheet(rubric);
  const draft = readScoreDraft(openid, entry.round.id, entry.entryId);
  const serverAt = entry.myScore ? Date.parse(entry.myScore.updatedAt) : Number.NEGATIVE_INFINITY;
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

export function useScoreSheet({
  entry,
  openid,
  editable,
}: {
  entry: JudgeEntryView;
  openid: string;
  editable: boolean;
}) {
  const { round } = entry;
  const rubric = round.rubric;
  const key = scoreKey(openid, round.id, entry.entryId);

  const [initial] = useState(() => initialSheet(entry, openid));
  const [values, setValues] = useState<SheetValues>(initial.values);
  const valuesRef = useRef(values);
  const [errors, setErrors] = useState<Record<string, string>>(() =>
    refusalErrors(outboxItems().find((i) => i.key === key)),
  );
  const [banner, setBanner] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState<MyScoreView | null>(entry.myScore);
  const [sending, setSending] = useState(false);
  const queued = useOutboxItems().find((i) => i.key === key);

  useOutboxEvents((event) => {
    if (event.kind === 'failed' && event.item.key === key) {
      setErrors((prev) => ({ ...prev, ...refusalErrors(event.item) }));
      return;
    }
    if (event.kind !== 'sent' || event.item.key !== key) return;
    const answer = event.answer as ActionOutput<'judge.score'>;
    setConfirmed(answer.score);
    const sent = sheetOfData(event.item.data, valuesRef.current);
    if (sameSheet(rubric, valuesRef.current, sent)) {
      clearScoreDraft(openid, round.id, entry.entryId);
    } else {
      // Typed after that submit: still newer than what the server now holds.
      const at = Math.max(serverNow(), Date.parse(answer.score.updatedAt) + 1);
      writeScoreDraft(openid, round.id, entry.entryId, valuesRef.current, at);
    }
  });

  const edit = (next: SheetValues, field: string) => {
    valuesRef.current = next;
    setValues(next);
    setBanner(null);
    writeScoreDraft(openid, round.id, entry.entryId, next, serverNow());
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
    enqueueWrite(key, 'judge.score', { roundId: round.id, entryId: entry.entryId, points, comment });
    setSending(true);
    try {
      await flushOutbox();
    } finally {
      setSending(false);
    }
  };

  return {
    key,
    values,
    restored: initial.restored,
    errors,
    banner,
    confirmed,
    sending,
    queued,
    setPoint,
    setComment,
    submit,
    drop: () => dropOutboxItem(key),
  };
}
