import fc from 'fast-check';
import { areasFor, hasRole, mayCall, ROLES, type RoleGrant } from '../../core/roles';

const judgeOfSh: RoleGrant = { role: 'judge', contestId: 'sh-2024' };
const organizerAll: RoleGrant = { role: 'organizer', contestId: null };

test('a contest grant holds for that contest only; a global grant for every contest', () => {
  expect(hasRole([judgeOfSh], 'judge', 'sh-2024')).toBe(true);
  expect(hasRole([judgeOfSh], 'judge', 'bj-2024')).toBe(false);
  expect(hasRole([judgeOfSh], 'judge')).toBe(true);
  expect(hasRole([organizerAll], 'organizer', 'bj-2024')).toBe(true);
  expect(hasRole([organizerAll], 'judge')).toBe(false);
});

test('areas follow the roles: entrant → 参赛报名, judge → 评审工作台, organizer → 赛事管理, notary → 现场公证', () => {
  expect(areasFor([{ role: 'entrant', contestId: null }])).toEqual(['entrant']);
  expect(areasFor([{ role: 'entrant', contestId: null }, judgeOfSh])).toEqual(['entrant', 'judge']);
  expect(areasFor([organizerAll])).toEqual(['admin']);
  expect(areasFor([{ role: 'notary', contestId: 'sh-2024' }])).toEqual(['notary']);
  expect(areasFor([{ role: 'institution', contestId: null }])).toEqual([]);
});

test('mayCall: public for all, user needs a sign-in, role lists need one of the roles', () => {
  expect(mayCall('public', false, [])).toBe('ok');
  expect(mayCall('user', false, [])).toBe('unauthenticated');
  expect(mayCall('user', true, [])).toBe('ok');
  expect(mayCall(['organizer'], false, [])).toBe('unauthenticated');
  expect(mayCall(['organizer'], true, [judgeOfSh])).toBe('forbidden');
  expect(mayCall(['organizer', 'judge'], true, [judgeOfSh])).toBe('ok');
});

test('property: a signed-out caller never passes a non-public check', () => {
  const grant = fc.record({ role: fc.constantFrom(...ROLES), contestId: fc.option(fc.string(), { nil: null }) });
  fc.assert(
    fc.property(fc.array(grant), fc.subarray([...ROLES], { minLength: 1 }), (grants, roles) => {
      expect(mayCall(roles, false, grants)).toBe('unauthenticated');
      expect(mayCall('user', false, grants)).toBe('unauthenticated');
    }),
  );
});
