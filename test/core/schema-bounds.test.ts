/**
 * Every action's input, walked through its valibot schema: each number has both bounds, each text a length
 * limit and the clean-text check (or a pattern that admits no hidden characters), each list a length limit.
 * A new action or field without them fails here, before any client can send 1e15 or a bidi override.
 */
import type * as v from 'valibot';
import { actions } from '../../core/actions';
import { isCleanText } from '../../core/schemas/common';

interface Node {
  type: string;
  kind?: string;
  pipe?: Node[];
  wrapped?: Node;
  entries?: Record<string, Node>;
  item?: Node;
  options?: Node[] | unknown[];
  key?: Node;
  value?: Node;
  requirement?: unknown;
}

const PATTERNS = new Set(['regex', 'iso_timestamp', 'iso_date', 'email', 'uuid']);
const SAFE = new Set(['boolean', 'literal', 'picklist']);

function problems(schema: Node, path: string): string[] {
  // A pipe of a pipe (`v.pipe(searchQuery(), v.minLength(1))`) keeps the inner actions in its first item.
  const pipeActions = (node: Node): Node[] =>
    node.pipe ? [...(node.pipe[0] ? pipeActions(node.pipe[0]) : []), ...node.pipe.slice(1)] : [];
  const actionsOf = pipeActions(schema).filter((a) => a.kind !== 'schema');
  const has = (type: string) => actionsOf.some((a) => a.type === type);
  const out: string[] = [];
  switch (schema.type) {
    case 'optional':
    case 'nullable':
    case 'nullish':
      return schema.wrapped ? problems(schema.wrapped, path) : [`${path}: empty wrapper`];
    case 'object':
      for (const [key, entry] of Object.entries(schema.entries ?? {}))
        out.push(...problems(entry, path ? `${path}.${key}` : key));
      return out;
    case 'variant':
    case 'union':
      for (const option of (schema.options ?? []) as Node[]) out.push(...problems(option, path));
      return out;
    case 'array':
      if (!has('max_length')) out.push(`${path}: a list without a length limit`);
      if (schema.item) out.push(...problems(schema.item, `${path}[]`));
      return out;
    case 'record':
      if (!has('check')) out.push(`${path}: a record without a limit on its keys`);
      if (schema.key) out.push(...problems(schema.key, `${path}{key}`));
      if (schema.value) out.push(...problems(schema.value, `${path}{value}`));
      return out;
    case 'number':
      if (!has('min_value') || !has('max_value')) out.push(`${path}: a number without both bounds`);
      return out;
    case 'string': {
      const patterned = actionsOf.some((a) => PATTERNS.has(a.type));
      const cleaned = actionsOf.some((a) => a.type === 'check' && a.requirement === isCleanText);
      if (!patterned && !(has('max_length') && cleaned)) {
        out.push(`${path}: a text without a length limit and the clean-text check, or a pattern`);
      }
      return out;
    }
    default:
      return SAFE.has(schema.type) ? out : [`${path}: unchecked schema type ${schema.type}`];
  }
}

test.each(Object.keys(actions) as Array<keyof typeof actions>)('%s: every number, text and list has bounds', (name) => {
  const schema = actions[name].input as unknown as v.GenericSchema & Node;
  expect(problems(schema, '')).toEqual([]);
});

test('the walker itself notices what it is there to catch', async () => {
  const v = await import('valibot');
  const { clean } = await import('../../core/schemas/common');
  expect(problems(v.object({ n: v.number(), s: v.string(), l: v.array(v.boolean()) }) as unknown as Node, '')).toEqual([
    'n: a number without both bounds',
    's: a text without a length limit and the clean-text check, or a pattern',
    'l: a list without a length limit',
  ]);
  const fine = v.object({
    n: v.pipe(v.number(), v.minValue(0), v.maxValue(9)),
    s: v.pipe(v.string(), clean('名'), v.maxLength(9)),
    l: v.pipe(v.array(v.picklist(['a'])), v.maxLength(2)),
  });
  expect(problems(fine as unknown as Node, '')).toEqual([]);
});
