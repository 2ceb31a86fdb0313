/**
 * One naming rule for the wire (docs/ARCHITECTURE.md): `<scope>.<noun>.<verb>`, lower-case single words, the
 * noun singular and left out only when it is the scope itself (`news.list`, `judge.score`); organizers'
 * actions are always `admin.<noun>.<verb>`.
 */
import { actions } from '../../core/actions';

const SCOPES = [
  'system',
  'auth',
  'home',
  'contest',
  'registration',
  'institution',
  'files',
  'news',
  'results',
  'judge',
  'notify',
  'inbox',
  // The live final: the big screen (public) and the notary's log.
  'live',
  'notary',
  'admin',
];

test.each(Object.keys(actions))('%s follows <scope>.<noun>.<verb>', (name) => {
  const parts = name.split('.');
  expect(SCOPES).toContain(parts[0]);
  expect(parts.every((p) => /^[a-z]+$/.test(p))).toBe(true);
  expect(parts[0] === 'admin' ? [3] : [2, 3]).toContain(parts.length);
  // A plural noun next to a singular one was the old inconsistency (admin.rounds.list beside admin.round.get).
  if (parts.length === 3) expect(parts[1]).not.toMatch(/s$/);
});
