import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { outcomeUnknown } from '@core/wire';
import { toCloudError, type CloudError } from '../../services/cloud';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'failed'; message: string; willRetry: boolean };

export interface Autosave {
  state: SaveState;
  /** Something changed: save once typing has paused for `delayMs`. */
  changed: () => void;
  /** Save now if anything is unsaved (page hidden or closed). */
  flush: () => void;
  /** While held nothing is sent, and the returned promise waits for a save already on its way. */
  hold: (held: boolean) => Promise<void>;
}

const RETRY_FIRST_MS = 3000;
const RETRY_MAX_MS = 60_000;

/**
 * Debounced saving of a form to the cloud: one save per pause in typing, never two at once (a late
 * answer can't overwrite a newer save), retried with backoff while the network is away, stopped for
 * good by a refusal (`onRefused`: the window closed, the entry was submitted elsewhere…).
 */
export function useAutosave(options: {
  enabled: boolean;
  save: () => Promise<string>;
  onRefused: (error: CloudError) => void;
  delayMs?: number;
}): Autosave {
  const delayMs = options.delayMs ?? 800;
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef(options);
  latest.current = options;

  const run = useRef({
    version: 0,
    savedVersion: 0,
    timer: null as ReturnType<typeof setTimeout> | null,
    inFlight: null as Promise<void> | null,
    again: false,
    held: false,
    stopped: false,
    /** The form is unmounted: the last save (page unload) still goes, but nothing is scheduled after it. */
    gone: false,
    retryMs: RETRY_FIRST_MS,
  });

  const clearTimer = useCallback(() => {
    const r = run.current;
    if (r.timer !== null) clearTimeout(r.timer);
    r.timer = null;
  }, []);

  const saveNow = useCallback((): void => {
    const r = run.current;
    clearTimer();
    if (r.held || r.stopped || !latest.current.enabled || r.version === r.savedVersion) return;
    if (r.inFlight) {
      r.again = true;
      return;
    }
    const version = r.version;
    setState({ kind: 'saving' });
    r.inFlight = latest.current
      .save()
      .then(
        (at) => {
          r.savedVersion = Math.max(r.savedVersion, version);
          r.retryMs = RETRY_FIRST_MS;
          setState({ kind: 'saved', at });
        },
        (caught: unknown) => {
          const error = toCloudError(caught);
          // Outcome unknown: the same save may work later; anything else would be refused again.
          if (outcomeUnknown(error.code)) {
            setState({ kind: 'failed', message: '保存失败（将重试）', willRetry: true });
            const wait = r.retryMs;
            r.retryMs = Math.min(r.retryMs * 2, RETRY_MAX_MS);
            // Not for a page that is gone: its stale values could land over a newer save from the page
            // opened since, and its unsynced local copy is restored and sent by that page anyway.
            if (!r.held && !r.stopped && !r.gone) r.timer = setTimeout(saveNow, wait);
            return;
          }
          r.stopped = true;
          setState({ kind: 'failed', message: error.message, willRetry: false });
          latest.current.onRefused(error);
        },
      )
      .finally(() => {
        r.inFlight = null;
        if (r.again) {
          r.again = false;
          saveNow();
        }
      });
  }, [clearTimer]);

  const changed = useCallback(() => {
    const r = run.current;
    if (!latest.current.enabled || r.stopped) return;
    r.version += 1;
    if (r.held) return;
    clearTimer();
    r.timer = setTimeout(saveNow, delayMs);
  }, [clearTimer, saveNow, delayMs]);

  const flush = useCallback(() => saveNow(), [saveNow]);

  const hold = useCallback(
    async (held: boolean) => {
      const r = run.current;
      r.held = held;
      if (held) {
        clearTimer();
        r.again = false;
        await r.inFlight;
      } else if (r.version !== r.savedVersion && !r.gone) {
        r.timer = setTimeout(saveNow, delayMs);
      }
    },
    [clearTimer, saveNow, delayMs],
  );

  useEffect(() => {
    const r = run.current;
    r.gone = false;
    return () => {
      r.gone = true;
      clearTimer();
    };
  }, [clearTimer]);

  return useMemo(() => ({ state, changed, flush, hold }), [state, changed, flush, hold]);
}
