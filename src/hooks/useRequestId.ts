import { useMemo, useRef } from 'react';
import { outcomeUnknown } from '@core/wire';
import { newRequestId } from '../services/request-id';

export interface RequestIds {
  /** The id for this write; `key` describes what is sent, so an edited write gets a new id. */
  idFor: (key: string) => string;
  /** After the call: no failure, or one that settles it, forgets the id; an unknown outcome keeps it. */
  settle: (failure?: { code: string }) => void;
}

/**
 * One requestId per pending write. While its outcome is unknown (see outcomeUnknown in core/wire.ts) the
 * same write retried carries the same id, so the server answers from its record instead of acting twice
 * (a reminder sent twice spends the judges' subscription quota); once answered, the next tap is a new write.
 */
export function useRequestId(): RequestIds {
  const pending = useRef<{ key: string; requestId: string } | null>(null);
  // Stable across renders: the functions only touch the ref.
  return useMemo(
    () => ({
      idFor: (key) => {
        if (pending.current?.key !== key) pending.current = { key, requestId: newRequestId() };
        return pending.current.requestId;
      },
      settle: (failure) => {
        if (!failure || !outcomeUnknown(failure.code)) pending.current = null;
      },
    }),
    [],
  );
}
