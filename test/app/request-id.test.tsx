/**
 * The one rule for when a retried write keeps its requestId (core/wire.ts), and the hook the pages use
 * it through: the id is kept exactly while the outcome is unknown (no answer, INTERNAL, still running).
 */
import { renderHook } from '@testing-library/react';
import { ErrorCode } from '@core/errors';
import { OUTCOME_UNKNOWN_CODES, REQUEST_ID_PATTERN, outcomeUnknown } from '@core/wire';
import { useRequestId } from '../../src/hooks/useRequestId';

describe('outcomeUnknown', () => {
  test.each(['NETWORK', 'INTERNAL', 'REQUEST_IN_PROGRESS'])('%s: unknown, the retry keeps the id', (code) => {
    expect(outcomeUnknown(code)).toBe(true);
  });

  test.each(['ok', 'FORBIDDEN', 'INVALID_INPUT', 'CONFLICT', 'REQUEST_ID_REUSED', 'ROUND_CLOSED', 'DUPLICATE_ENTRY'])(
    '%s: settled, the next attempt gets a new id',
    (code) => {
      expect(outcomeUnknown(code)).toBe(false);
    },
  );

  test('every other code of the wire contract settles the write', () => {
    const unknown = Object.values(ErrorCode).filter((code) => outcomeUnknown(code));
    expect(unknown.sort()).toEqual(['INTERNAL', 'NETWORK', 'REQUEST_IN_PROGRESS']);
    expect([...OUTCOME_UNKNOWN_CODES].sort()).toEqual(unknown);
  });
});

describe('useRequestId', () => {
  test('the same write keeps its id while the outcome is unknown; an answer or another write gets a new one', () => {
    const { result } = renderHook(() => useRequestId());
    const first = result.current.idFor('remind|r-1');
    expect(first).toMatch(REQUEST_ID_PATTERN);
    expect(result.current.idFor('remind|r-1')).toBe(first);

    for (const code of ['NETWORK', 'INTERNAL', 'REQUEST_IN_PROGRESS']) {
      result.current.settle({ code });
      expect(result.current.idFor('remind|r-1')).toBe(first);
    }

    result.current.settle({ code: 'FORBIDDEN' });
    const second = result.current.idFor('remind|r-1');
    expect(second).not.toBe(first);

    result.current.settle({ code: 'INVALID_INPUT' });
    const third = result.current.idFor('remind|r-1');
    expect(third).not.toBe(second);

    // Success settles it too.
    result.current.settle();
    const fourth = result.current.idFor('remind|r-1');
    expect(fourth).not.toBe(third);

    // An edited write is a new write, even while the old one's outcome is unknown.
    result.current.settle({ code: 'NETWORK' });
    expect(result.current.idFor('remind|r-2')).not.toBe(fourth);
  });

  test('the id survives a re-render, and the functions are the same ones', () => {
    const { result, rerender } = renderHook(() => useRequestId());
    const before = result.current;
    const id = before.idFor('k');
    before.settle({ code: 'REQUEST_IN_PROGRESS' });
    rerender();
    expect(result.current).toBe(before);
    expect(result.current.idFor('k')).toBe(id);
  });
});
