/**
 * The 报名 form's state and what it does, apart from its layout: values as typed, the messages beside the
 * fields, the draft saved to the cloud (with a local copy) and the submission.
 */
import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { Group } from '@core/contest/types';
import type { ContestDetail } from '@core/contest/views';
import type { BusinessPlan } from '@core/registration/forms';
import type { MyEntry } from '@core/registration/views';
import { shanghaiDay } from '@core/time/shanghai';
import { liveStatus } from '../../../components/ContestCard/countdown';
import { useCloudAction } from '../../../hooks/useCloudAction';
import { useSubscribePrompt } from '../../../hooks/useSubscribePrompt';
import { usePageHide } from '../../../hooks/usePageLifecycle';
import { useServerNow } from '../../../hooks/useServerNow';
import { callCloud } from '../../../services/cloud';
import { routes } from '../../../services/routes';
import { scrollPageSoon } from '../../../services/scroll';
import { serverNow } from '../../../services/server-clock';
import { clearLocalDraft, markLocalDraftSynced, readLocalDraft, writeLocalDraft } from '../../lib/local-draft';
import {
  checkValues,
  emptyValues,
  knownFields,
  serverProblem,
  toDraft,
  valuesFromStored,
  type FormValues,
  type TextName,
} from '../../lib/registration-form';
import { useAutosave } from '../../lib/useAutosave';

export type Mode = 'draft' | 'edit' | 'locked' | 'closed';

export interface RegistrationFormProps {
  contest: ContestDetail;
  serverNowIso: string;
  entry: MyEntry | undefined;
  openid: string;
  groupParam: Group | undefined;
}

function modeOf(contest: ContestDetail, entry: MyEntry | undefined, open: boolean): Mode {
  if (entry && entry.status !== 'draft' && entry.status !== 'withdrawn') return entry.editable ? 'edit' : 'locked';
  return open ? 'draft' : 'closed';
}

interface Initial {
  values: FormValues;
  /** A local copy newer than the cloud's was restored and still has to be sent. */
  restoredLocal: boolean;
}

function initialValues(
  contest: ContestDetail,
  entry: MyEntry | undefined,
  mode: Mode,
  openid: string,
  groupParam: Group | undefined,
): Initial {
  const offered = (g: Group | undefined): g is Group => g !== undefined && contest.groups.includes(g);
  const fallbackGroup = offered(groupParam) ? groupParam : (contest.groups[0] ?? 'enterprise');
  const fromEntry = entry ? valuesFromStored(entry.form, entry.group) : null;
  if (mode !== 'draft') return { values: fromEntry ?? emptyValues(fallbackGroup), restoredLocal: false };
  const local = readLocalDraft(openid, contest.id);
  const cloudEditedAt = entry ? Date.parse(entry.updatedAt) : Number.NEGATIVE_INFINITY;
  // Newer wins: an unsent local copy typed after the cloud's last save (on this or another device).
  if (local && !local.synced && local.editedAt > cloudEditedAt && offered(local.values.group)) {
    return { values: local.values, restoredLocal: true };
  }
  if (fromEntry && offered(fromEntry.group)) return { values: fromEntry, restoredLocal: false };
  return { values: emptyValues(fallbackGroup), restoredLocal: false };
}

function scrollToFirstError(): void {
  scrollPageSoon({ selector: '.form-field--error' });
}

export function useRegistrationForm({ contest, serverNowIso, entry, openid, groupParam }: RegistrationFormProps) {
  useServerNow(serverNowIso, false);
  const open = liveStatus(contest.registration, serverNow()) === 'open';
  const [mode] = useState<Mode>(() => modeOf(contest, entry, open));
  const [initial] = useState<Initial>(() => initialValues(contest, entry, mode, openid, groupParam));
  const [values, setValues] = useState<FormValues>(initial.values);
  const valuesRef = useRef(values);
  const editedAt = useRef(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<{ code: string; message: string } | null>(null);
  const submission = useCloudAction('registration.submit');
  const prompt = useSubscribePrompt();
  // From the tap until the call goes out the page waits for a draft save on its way; the button is busy then too.
  const [holding, setHolding] = useState(false);
  const busy = holding || submission.busy;
  const idMaskedStored =
    typeof entry?.form.idMasked === 'string' && entry.form.idMasked !== '' ? entry.form.idMasked : null;
  const [reenterId, setReenterId] = useState(false);
  const idMasked = reenterId ? null : idMaskedStored;

  const autosave = useAutosave({
    enabled: mode === 'draft',
    save: async () => {
      const at = editedAt.current;
      const saved = await callCloud('registration.draft.save', {
        contestId: contest.id,
        form: toDraft(valuesRef.current),
      });
      markLocalDraftSynced(openid, contest.id, at);
      return saved.savedAt;
    },
    onRefused: (error) => setBanner({ code: error.code, message: error.message }),
  });
  usePageHide(autosave.flush);

  // The restored local copy is newer than the cloud's: send it as soon as the page is up.
  const { changed } = autosave;
  useEffect(() => {
    if (!initial.restoredLocal) return;
    editedAt.current = serverNow();
    changed();
  }, [initial.restoredLocal, changed]);

  // The hook holds the server's refusal; it goes beside the fields it names, where the next edit updates it.
  useEffect(() => {
    const error = submission.error;
    if (error === null) return;
    const problem = serverProblem(error, knownFields(valuesRef.current.group));
    setErrors((prev) => ({ ...prev, ...problem.fields }));
    setBanner({ code: error.code, message: problem.banner });
    if (Object.keys(problem.fields).length > 0) scrollToFirstError();
  }, [submission.error]);

  const today = shanghaiDay(serverNow());

  const check = (next: FormValues, fields: readonly string[], show: 'touched' | 'shown') => {
    const result = checkValues(next, idMasked, today);
    const found = result.ok ? {} : result.errors;
    setErrors((prev) => {
      const out = { ...prev };
      for (const field of fields) {
        // While typing, only a message already shown is updated (or cleared); leaving a field shows it.
        if (show === 'shown' && out[field] === undefined) continue;
        const message = found[field];
        if (message === undefined) delete out[field];
        else out[field] = message;
      }
      return out;
    });
  };

  const edited = (next: FormValues, fields: readonly string[]) => {
    valuesRef.current = next;
    setValues(next);
    check(next, fields, 'shown');
    if (mode === 'draft') {
      editedAt.current = serverNow();
      writeLocalDraft(openid, contest.id, next, editedAt.current);
      autosave.changed();
    }
  };

  const setText = (name: TextName, value: string) =>
    edited({ ...valuesRef.current, text: { ...valuesRef.current.text, [name]: value } }, [name]);
  const blur = (name: string) => check(valuesRef.current, [name], 'touched');
  // A picker has no blur: its choice is final at once, so its message shows then.
  const pick = (name: TextName, value: string) => {
    setText(name, value);
    check(valuesRef.current, [name], 'touched');
  };

  const submit = async () => {
    if (busy) return;
    const result = checkValues(valuesRef.current, idMasked, today);
    if (!result.ok) {
      setErrors(result.errors);
      const count = Object.keys(result.errors).length;
      setBanner({ code: 'INVALID_INPUT', message: `还有 ${count} 项需要修改，请检查标红的项目` });
      scrollToFirstError();
      return;
    }
    // Here, before anything is awaited: WeChat shows the subscription prompt only inside the tap.
    const asked = prompt.ask(['reviewResult', 'advancement', 'award']);
    setHolding(true);
    setBanner(null);
    await autosave.hold(true);
    // Same form, same attempt: a retry while the first one's outcome is unknown must not submit twice.
    const answer = await submission.run({ contestId: contest.id, form: result.value });
    setHolding(false);
    if (answer === undefined) {
      await autosave.hold(false);
      return;
    }
    clearLocalDraft(openid, contest.id);
    // The prompt may still be open: leave the page once the user has answered it.
    await asked;
    void Taro.showToast({ title: mode === 'edit' ? '修改已提交' : '报名已提交', icon: 'success' });
    void Taro.redirectTo({ url: routes.entry(contest.id) });
  };

  const switchGroup = (group: Group) => {
    if (group === values.group) return;
    setErrors({});
    setBanner(null);
    edited({ ...valuesRef.current, group }, []);
  };

  return {
    mode,
    restoredLocal: initial.restoredLocal,
    values,
    errors,
    banner,
    busy,
    idMasked,
    today,
    saveState: autosave.state,
    setText,
    blur,
    pick,
    switchGroup,
    submit,
    setMembers: (members: FormValues['members'], fields: readonly string[]) =>
      edited({ ...valuesRef.current, members }, fields),
    setPlan: (plan: BusinessPlan) => edited({ ...valuesRef.current, businessPlan: plan }, ['businessPlan']),
    planFailed: (message: string) => setErrors((prev) => ({ ...prev, businessPlan: message })),
    reenterIdNumber: () => {
      setReenterId(true);
      setText('idNumber', '');
    },
  };
}
