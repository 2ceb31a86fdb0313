import { useRef } from 'react';
import type { CloudError } from '../../services/cloud';
import { newRequestId } from '../../services/request-id';

/**
 * One requestId per pending decision: the same decision retried after a lost answer (NETWORK) carries
 * the same id, so the server answers from its record instead of acting twice; a different decision, or
 * one the server did answer, gets a new id. The same rule the other admin pages keep by hand.
 */
export function useRequestId(): {
  /** The id for this decision (`key` describes it: what is sent). */
  idFor: (key: string) => string;
  /** After an answer: forget the id unless the call never got one. */
  settle: (failure?: CloudError) => void;
} {
  const pending = useRef<{ key: string; requestId: string } | null>(null);
  return {
    idFor: (key) => {
      if (pending.current?.key !== key) pending.current = { key, requestId: newRequestId() };
      return pending.current.requestId;
    },
    settle: (failure) => {
      if (!failure || failure.code !== 'NETWORK') pending.current = null;
    },
  };
}
