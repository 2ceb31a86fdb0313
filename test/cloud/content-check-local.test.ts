import {
  createLocalContentCheck,
  findBlockedWord,
  LOCAL_BLOCKED_WORDS,
  normalizeForMatch,
} from '../../cloudfunctions/adapters/local/local-content-check';
import { MSG_SEC_CHECK_LABELS } from '../../cloudfunctions/adapters/content-labels';
import { describeContentCheckContract } from './content-check-contract';

describeContentCheckContract('local word list', () => createLocalContentCheck());

describe('local content check', () => {
  it('folds full-width letters, digits and spaces', () => {
    expect(normalizeForMatch('ＡＢＣ　１２３ d\u200be')).toBe('abc123de');
  });

  it('uses only labels WeChat documents', () => {
    for (const { label } of LOCAL_BLOCKED_WORDS) expect(MSG_SEC_CHECK_LABELS[label]).toBeDefined();
  });

  it('finds a word hidden by full-width spaces', () => {
    expect(findBlockedWord('刷　单　返　利')).toEqual({ word: '刷单返利', label: 10001 });
    expect(findBlockedWord('刷单可以返现')).toBeNull();
  });
});
