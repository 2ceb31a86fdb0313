import * as v from 'valibot';
import { actions, isActionName } from '../../core/actions';
import { text } from '../../core/schemas/common';
import { validate } from '../../core/validation';

test('errors come per field by dot path, in Chinese, one message each', () => {
  const schema = v.object({
    name: text('姓名', { max: 4 }),
    team: v.array(v.object({ name: text('成员姓名', { max: 10 }) })),
  });
  expect(validate(schema, { name: '张三李四王五', team: [{ name: '' }, { name: '好' }] })).toEqual({
    ok: false,
    errors: { name: '姓名不能超过 4 个字', 'team.0.name': '请填写成员姓名' },
  });
});

test('unworded checks fall back to Chinese, whole-input problems use the key _', () => {
  expect(validate(v.object({ age: v.number() }), {})).toEqual({ ok: false, errors: { age: '此项为必填项' } });
  expect(validate(v.object({ age: v.number() }), { age: 'x' })).toEqual({ ok: false, errors: { age: '格式不正确' } });
  expect(validate(v.object({}), 'not an object')).toEqual({ ok: false, errors: { _: '格式不正确' } });
});

test('text trims, and unknown keys are dropped from the output', () => {
  expect(validate(actions['auth.profile.update'].input, { name: '  小王  ', role: 'organizer' })).toEqual({
    ok: true,
    value: { name: '小王' },
  });
});

test('actions that take no input accept nothing or an empty object', () => {
  expect(validate(actions['system.health'].input, undefined)).toEqual({ ok: true, value: {} });
  expect(validate(actions['auth.me'].input, {})).toEqual({ ok: true, value: {} });
});

test('isActionName knows the table and nothing inherited', () => {
  expect(isActionName('auth.me')).toBe(true);
  expect(isActionName('constructor')).toBe(false);
  expect(isActionName(42)).toBe(false);
});
