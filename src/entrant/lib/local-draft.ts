/**
 * The unsent local copy of a sign-up form, in Taro storage, so nothing typed is lost when the network
 * is not there (or the page is closed before the cloud save). Per user and contest; times are by the
 * server's clock (see server-clock.ts), so "newer wins" can be decided against the cloud's updatedAt.
 * The maker's ID number is left out: a national ID has no business lying in plain device storage.
 */
import Taro from '@tarojs/taro';
import type { Group } from '@core/contest/types';
import { valuesFromStored, type FormValues } from './registration-form';

interface StoredCopy {
  v: 1;
  group: Group;
  form: Record<string, unknown>;
  /** When it was last typed into, server-clock ms. */
  editedAt: number;
  /** Whether the cloud has this version. */
  synced: boolean;
}

export interface LocalDraft {
  values: FormValues;
  editedAt: number;
  synced: boolean;
}

function keyOf(openid: string, contestId: string): string {
  return `chuangke.draft.${openid}.${contestId}`;
}

function readRaw(key: string): StoredCopy | null {
  try {
    const raw: unknown = Taro.getStorageSync(key);
    const copy = raw as Partial<StoredCopy> | null;
    if (
      copy?.v !== 1 ||
      (copy.group !== 'enterprise' && copy.group !== 'maker') ||
      typeof copy.form !== 'object' ||
      copy.form === null ||
      typeof copy.editedAt !== 'number'
    ) {
      return null;
    }
    return copy as StoredCopy;
  } catch {
    return null;
  }
}

function writeRaw(key: string, copy: StoredCopy): void {
  try {
    Taro.setStorageSync(key, copy);
  } catch {
    // Storage full or unavailable: the cloud save still runs; nothing else to do here.
  }
}

export function readLocalDraft(openid: string, contestId: string): LocalDraft | null {
  const copy = readRaw(keyOf(openid, contestId));
  if (copy === null) return null;
  return { values: valuesFromStored(copy.form, copy.group), editedAt: copy.editedAt, synced: copy.synced === true };
}

export function writeLocalDraft(openid: string, contestId: string, values: FormValues, editedAt: number): void {
  const { idNumber: _left, ...text } = values.text;
  writeRaw(keyOf(openid, contestId), {
    v: 1,
    group: values.group,
    form: { ...text, members: values.members, businessPlan: values.businessPlan },
    editedAt,
    synced: false,
  });
}

/** The cloud has the version typed at `editedAt`; a later edit in the meantime stays unsynced. */
export function markLocalDraftSynced(openid: string, contestId: string, editedAt: number): void {
  const key = keyOf(openid, contestId);
  const copy = readRaw(key);
  if (copy !== null && copy.editedAt === editedAt) writeRaw(key, { ...copy, synced: true });
}

export function clearLocalDraft(openid: string, contestId: string): void {
  try {
    Taro.removeStorageSync(keyOf(openid, contestId));
  } catch {
    // Nothing to clear.
  }
}
