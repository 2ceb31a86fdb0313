/**
 * The Db port's contract: one suite, run against every adapter (db-embedded.test.ts on SQLite,
 * db-cloudbase.test.ts on the wx-server-sdk stand-in), so use cases behave the same locally and on
 * WeChat. Semantics follow CloudBase (MongoDB): a missing field is null, comparisons stay within a
 * type, sorting follows MongoDB's type order with `_id` as the final tiebreak.
 */
import fc from 'fast-check';
import { DbError, inc } from '../../cloudfunctions/ports';
import type { Db, Doc, Filter, FindOptions, Scalar } from '../../cloudfunctions/ports';

type Open = () => Promise<Db> | Db;
type Close = (db: Db) => void | Promise<void>;

interface Item extends Doc {
  n?: number | string | null;
  s?: string | null;
  b?: boolean | null;
  g?: string;
  z?: null;
  nested?: { k?: number | string | null };
  profile?: { a?: number; b?: number };
  tags?: string[];
  flag?: boolean;
  m?: number;
}

interface Numbered extends Doc {
  n?: number;
  s?: string;
}

interface Counter extends Doc {
  n: number;
}

interface Entry extends Doc {
  by: string;
}

export function describeDbContract(name: string, open: Open, close?: Close): void {
  describe(`Db contract: ${name}`, () => {
    let db: Db;

    beforeEach(async () => {
      db = await open();
    });

    afterEach(async () => {
      await close?.(db);
    });

    // ------------------------------------------------------------ CRUD

    describe('documents', () => {
      it('creates, reads, updates and removes one document', async () => {
        const items = db.collection<Item>('items');
        expect(await items.create({ _id: 'a', n: 1, s: 'one', nested: { k: 1 } })).toBe('a');
        expect(await items.get('a')).toEqual({ _id: 'a', n: 1, s: 'one', nested: { k: 1 } });
        expect(await items.get('missing')).toBeNull();

        expect(await items.update('a', { s: 'uno', b: true })).toBe(true);
        expect(await items.get('a')).toEqual({ _id: 'a', n: 1, s: 'uno', b: true, nested: { k: 1 } });
        expect(await items.update('missing', { s: 'x' })).toBe(false);
        expect(await items.get('missing')).toBeNull();

        expect(await items.remove('a')).toBe(true);
        expect(await items.remove('a')).toBe(false);
        expect(await items.get('a')).toBeNull();
      });

      it('update reports an existing document even when the values do not change', async () => {
        const items = db.collection<Item>('items');
        await items.create({ _id: 'same', s: 'x' });
        expect(await items.update('same', { s: 'x' })).toBe(true);
        expect(await items.update('same', {})).toBe(true);
        expect(await items.update('absent', {})).toBe(false);
      });

      it('set inserts when missing and replaces the whole document when present', async () => {
        const items = db.collection<Item>('items');
        await items.set({ _id: 's1', n: 1, s: 'first' });
        expect(await items.get('s1')).toEqual({ _id: 's1', n: 1, s: 'first' });
        await items.set({ _id: 's1', b: false });
        expect(await items.get('s1')).toEqual({ _id: 's1', b: false });
      });

      it('create of an existing _id throws DbError DUPLICATE and keeps the original', async () => {
        const items = db.collection<Item>('items');
        await items.create({ _id: 'dup', s: 'original' });
        const error = await items.create({ _id: 'dup', s: 'second' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(DbError);
        expect(error).toMatchObject({ code: 'DUPLICATE', collection: 'items', id: 'dup' });
        expect(await items.get('dup')).toEqual({ _id: 'dup', s: 'original' });
      });

      it('update replaces nested objects whole instead of merging them', async () => {
        const items = db.collection<Item>('items');
        await items.create({ _id: 'p', profile: { a: 1, b: 2 }, tags: ['x', 'y'] });
        await items.update('p', { profile: { a: 3 }, tags: ['z'] });
        expect(await items.get('p')).toEqual({ _id: 'p', profile: { a: 3 }, tags: ['z'] });
        await items.updateWhere({ _id: 'p' }, { profile: { b: 4 } });
        expect(await items.get('p')).toEqual({ _id: 'p', profile: { b: 4 }, tags: ['z'] });
      });

      it('hands out copies: changing a returned document changes nothing stored', async () => {
        const items = db.collection<Item>('items');
        await items.create({ _id: 'c', nested: { k: 1 } });
        const first = await items.get('c');
        if (first?.nested) first.nested.k = 99;
        const [listed] = await items.find({ _id: 'c' });
        if (listed) listed.s = 'changed';
        expect(await items.get('c')).toEqual({ _id: 'c', nested: { k: 1 } });
      });

      it('keeps collections apart', async () => {
        await db.collection<Item>('left').create({ _id: 'same', s: 'left' });
        await db.collection<Item>('right').create({ _id: 'same', s: 'right' });
        expect(await db.collection<Item>('left').get('same')).toEqual({ _id: 'same', s: 'left' });
        expect(await db.collection<Item>('right').count()).toBe(1);
      });

      it('refuses bad collection names, unknown operators and malformed conditions with DbError INVALID', async () => {
        for (const bad of ['', '1abc', 'has space', 'has-dash', 'a'.repeat(65), 'x;DROP']) {
          expect(() => db.collection(bad)).toThrow(DbError);
          try {
            db.collection(bad);
          } catch (error) {
            expect(error).toMatchObject({ code: 'INVALID' });
          }
        }
        const items = db.collection<Item>('items');
        await items.create({ _id: 'a', n: 1 });
        const bad: Filter[] = [
          { n: { $regex: 'a' } as unknown as Scalar },
          { $nor: [{ n: 1 }] },
          { $or: [] },
          { n: {} },
          { 'bad path': 1 },
          { n: { $in: 'x' as unknown as Scalar[] } },
          { s: { $contains: 1 as unknown as string } },
          { s: { $contains: null as unknown as string } },
        ];
        for (const filter of bad) {
          await expect(items.find(filter)).rejects.toMatchObject({ code: 'INVALID' });
          await expect(items.count(filter)).rejects.toMatchObject({ code: 'INVALID' });
        }
      });
    });

    // ------------------------------------------------------------ filters

    describe('filters', () => {
      const fixture: Item[] = [
        { _id: 'a', n: 1, s: 'apple', b: true, g: 'x', nested: { k: 1 } },
        { _id: 'b', n: 2, s: 'banana', b: false, g: 'x', nested: { k: 2 } },
        { _id: 'c', n: 3, s: 'cherry', b: true, g: 'y', z: null },
        { _id: 'd', n: null, s: 'date', g: 'y', nested: { k: null } },
        { _id: 'e', s: 'Elder', g: 'z', nested: {} },
        { _id: 'f', n: 1.5, s: '', b: false, g: 'z' },
        { _id: 'g', n: '2', s: 'grape', g: 'x' },
        { _id: 'h', n: 0, s: '10', b: null, g: 'x', nested: { k: 'one' } },
      ];

      const cases: Array<[string, Filter, string[]]> = [
        ['no filter', {}, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
        ['plain equality', { g: 'x' }, ['a', 'b', 'g', 'h']],
        ['number equality', { n: 1 }, ['a']],
        ['fractional number', { n: 1.5 }, ['f']],
        ['empty string', { s: '' }, ['f']],
        ['null matches null and missing', { n: null }, ['d', 'e']],
        ['$eq null matches null and missing', { n: { $eq: null } }, ['d', 'e']],
        ['$ne matches missing too', { n: { $ne: 1 } }, ['b', 'c', 'd', 'e', 'f', 'g', 'h']],
        ['$ne null means present and not null', { n: { $ne: null } }, ['a', 'b', 'c', 'f', 'g', 'h']],
        ['$gt stays within numbers', { n: { $gt: 1 } }, ['b', 'c', 'f']],
        ['$gte', { n: { $gte: 1 } }, ['a', 'b', 'c', 'f']],
        ['$lt never matches null or missing', { n: { $lt: 2 } }, ['a', 'f', 'h']],
        ['$lte', { n: { $lte: 2 } }, ['a', 'b', 'f', 'h']],
        ['two bounds on one field', { n: { $gt: 0, $lt: 3 } }, ['a', 'b', 'f']],
        ['$in with null matches missing', { n: { $in: [1, null] } }, ['a', 'd', 'e']],
        ['$in empty matches nothing', { n: { $in: [] } }, []],
        ['$nin keeps missing and other types', { n: { $nin: [1, 2] } }, ['c', 'd', 'e', 'f', 'g', 'h']],
        ['$nin null drops missing', { n: { $nin: [null] } }, ['a', 'b', 'c', 'f', 'g', 'h']],
        ['boolean true', { b: true }, ['a', 'c']],
        ['boolean false', { b: false }, ['b', 'f']],
        ['boolean null', { b: null }, ['d', 'e', 'g', 'h']],
        ['true is not 1', { n: true }, []],
        ['1 is not true', { b: 1 }, []],
        ['$ne true keeps false, null and missing', { b: { $ne: true } }, ['b', 'd', 'e', 'f', 'g', 'h']],
        ['string range (byte order)', { s: { $gt: 'banana' } }, ['c', 'd', 'g']],
        ['string upper bound', { s: { $lt: 'b' } }, ['a', 'e', 'f', 'h']],
        ['dotted path', { 'nested.k': 1 }, ['a']],
        ['dotted path null', { 'nested.k': null }, ['c', 'd', 'e', 'f', 'g']],
        ['dotted path range', { 'nested.k': { $gte: 1 } }, ['a', 'b']],
        ['field set to null', { z: null }, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
        ['field present', { z: { $ne: null } }, []],
        ['several keys are and-ed', { g: 'x', b: false }, ['b']],
        ['$or', { $or: [{ g: 'y' }, { n: { $gte: 3 } }] }, ['c', 'd']],
        ['nested $and / $or', { $and: [{ g: 'x' }, { $or: [{ b: true }, { n: 0 }] }] }, ['a', 'h']],
        ['$or of $and', { $or: [{ $and: [{ g: 'z' }, { b: false }] }, { s: 'apple' }] }, ['a', 'f']],
        ['$and beside fields', { g: 'x', $and: [{ n: { $gte: 1 } }] }, ['a', 'b']],
        ['_id equality', { _id: 'c' }, ['c']],
        ['_id $in', { _id: { $in: ['a', 'h', 'zz'] } }, ['a', 'h']],
        ['_id range', { _id: { $gt: 'f' } }, ['g', 'h']],
        ['_id $ne', { _id: { $ne: 'a' } }, ['b', 'c', 'd', 'e', 'f', 'g', 'h']],
        ['$contains folds Latin case', { s: { $contains: 'E' } }, ['a', 'c', 'd', 'e', 'g']],
        ['$contains a longer piece', { s: { $contains: 'ELD' } }, ['e']],
        [
          '$contains empty matches every string value',
          { s: { $contains: '' } },
          ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
        ],
        ['$contains never matches numbers, null or missing', { n: { $contains: '' } }, ['g']],
        ['$contains does not search a number’s digits', { n: { $contains: '1' } }, []],
        ['$contains finds digits in strings', { s: { $contains: '0' } }, ['h']],
        ['$contains on a dotted path', { 'nested.k': { $contains: 'ON' } }, ['h']],
        ['$contains beside another condition on the field', { s: { $contains: 'a', $ne: 'banana' } }, ['a', 'd', 'g']],
        ['$contains with other keys', { s: { $contains: 'e' }, b: true }, ['a', 'c']],
        ['$contains inside $or', { $or: [{ s: { $contains: 'AN' } }, { g: 'z' }] }, ['b', 'e', 'f']],
        [
          '$contains inside $and / $or',
          { $and: [{ g: 'x' }, { $or: [{ s: { $contains: 'P' } }, { n: 0 }] }] },
          ['a', 'g', 'h'],
        ],
        ['$contains on _id', { _id: { $contains: 'C' } }, ['c']],
      ];

      it.each(cases)('%s', async (_label, filter, expected) => {
        const items = db.collection<Item>('items');
        for (const doc of fixture) await items.create(doc);
        expect(ids(await items.find(filter))).toEqual(expected);
        expect(await items.count(filter)).toBe(expected.length);
      });

      it('$contains finds Chinese text, folds Latin case and reads pattern characters literally', async () => {
        const names = db.collection<Doc & { name?: unknown; note?: string }>('names');
        const docs: Array<Doc & { name?: unknown; note?: string }> = [
          { _id: 'sh', name: '上海市浦东新区创新创业大赛' },
          { _id: 'bj', name: '北京“创客中国”中小企业创新创业大赛' },
          { _id: 'mix', name: 'SmartFactory 智能工厂 v2.0' },
          { _id: 'dot', name: 'a.b(c) [x]* ^$|?+{2} \\ end' },
          { _id: 'near', name: 'aXb(c' },
          { _id: 'pct', name: '100% under_score' },
          { _id: 'num', name: 2024 },
          { _id: 'nul', name: null },
          { _id: 'yes', name: true },
          { _id: 'obj', name: { text: '创客' } },
          { _id: 'none', note: '创客' },
        ];
        for (const doc of docs) await names.create(doc);
        const search = async (text: string) => ids(await names.find({ name: { $contains: text } }));
        expect(await search('创客')).toEqual(['bj']);
        expect(await search('创新创业')).toEqual(['bj', 'sh']);
        expect(await search('“创客中国”')).toEqual(['bj']);
        expect(await search('浦东新区')).toEqual(['sh']);
        expect(await search('smartfactory')).toEqual(['mix']);
        expect(await search('SMARTFACTORY 智能')).toEqual(['mix']);
        expect(await search('V2.0')).toEqual(['mix']);
        expect(await search('a.b(c')).toEqual(['dot']);
        expect(await search('A.B(C) [X]*')).toEqual(['dot']);
        expect(await search('^$|?+{2}')).toEqual(['dot']);
        expect(await search('\\ end')).toEqual(['dot']);
        expect(await search('.')).toEqual(['dot', 'mix']);
        expect(await search('%')).toEqual(['pct']);
        expect(await search('_')).toEqual(['pct']);
        expect(await search('2024')).toEqual([]);
        expect(await search('true')).toEqual([]);
        expect(await search('null')).toEqual([]);
        expect(await search('text')).toEqual([]);
        expect(await search('')).toEqual(['bj', 'dot', 'mix', 'near', 'pct', 'sh']);
        expect(await names.count({ name: { $contains: '大赛' } })).toBe(2);
        expect(
          ids(await names.find({ $or: [{ name: { $contains: '浦东' } }, { note: { $contains: '创客' } }] })),
        ).toEqual(['none', 'sh']);
        expect(
          ids(await names.find({ name: { $contains: '创新' }, _id: { $ne: 'sh' } }, { orderBy: [['name', 'asc']] })),
        ).toEqual(['bj']);
        expect(await names.updateWhere({ name: { $contains: 'A.B(' } }, { note: 'found' })).toBe(1);
        expect(await names.get('dot')).toMatchObject({ note: 'found' });
        expect(await names.removeWhere({ name: { $contains: '(C' } })).toBe(2);
        expect(await names.count()).toBe(docs.length - 2);
      });

      it('agrees with a plain in-memory predicate on random documents and filters', async () => {
        let run = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.array(docArbitrary, { maxLength: 12 }),
            fc.array(filterArbitrary, { minLength: 1, maxLength: 4 }),
            async (docs, filters) => {
              run += 1;
              const items = db.collection<Doc & Record<string, unknown>>(`prop${run}`);
              const stored = docs.map((doc, index) => ({ ...doc, _id: `d${index}` }));
              for (const doc of stored) await items.create(doc);
              for (const filter of filters) {
                const expected = stored.filter((doc) => modelMatches(doc, filter)).map((doc) => doc._id);
                expect(ids(await items.find(filter))).toEqual([...expected].sort());
                expect(await items.count(filter)).toBe(expected.length);
              }
            },
          ),
          { numRuns: 40 },
        );
      }, 20_000);

      it('$contains agrees with the model on random text, numbers and pattern characters', async () => {
        let run = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.array(searchDocArbitrary, { maxLength: 12 }),
            fc.array(searchArbitrary, { minLength: 1, maxLength: 6 }),
            async (docs, filters) => {
              run += 1;
              const items = db.collection<Doc & Record<string, unknown>>(`search${run}`);
              const stored = docs.map((doc, index) => ({ ...doc, _id: `D${index}` }));
              for (const doc of stored) await items.create(doc);
              for (const filter of filters) {
                const expected = stored.filter((doc) => modelMatches(doc, filter)).map((doc) => doc._id);
                expect(ids(await items.find(filter))).toEqual([...expected].sort());
              }
            },
          ),
          { numRuns: 40 },
        );
      }, 20_000);
    });

    // ------------------------------------------------------------ order and paging

    describe('order and paging', () => {
      it('orders by two fields then _id, and pages stably with skip/limit', async () => {
        const items = db.collection<Item & { score: number; group?: string }>('ranked');
        const groups = ['a', 'b', 'c', undefined];
        const docs = Array.from({ length: 50 }, (_, i) => {
          const group = groups[(i * 7) % 4];
          return { _id: `r${String((i * 37) % 50).padStart(2, '0')}`, score: (i * 3) % 5, ...(group ? { group } : {}) };
        });
        for (const doc of docs) await items.create(doc);

        const orderBy: FindOptions['orderBy'] = [
          ['group', 'asc'],
          ['score', 'desc'],
        ];
        const expected = [...docs]
          .sort(
            (x, y) =>
              compareMissingFirst(x.group, y.group) ||
              y.score - x.score ||
              (x._id < y._id ? -1 : x._id > y._id ? 1 : 0),
          )
          .map((doc) => doc._id);

        expect((await items.find({}, { orderBy })).map((doc) => doc._id)).toEqual(expected);
        const paged: string[] = [];
        for (let skip = 0; skip < 60; skip += 7) {
          const page = await items.find({}, { orderBy, skip, limit: 7 });
          expect(page.length).toBe(Math.max(0, Math.min(7, 50 - skip)));
          paged.push(...page.map((doc) => doc._id));
        }
        expect(paged).toEqual(expected);

        const byGroupDesc = await items.find({}, { orderBy: [['group', 'desc']] });
        expect(byGroupDesc.slice(-1)[0]?.group).toBeUndefined();
        expect(byGroupDesc[0]?.group).toBe('c');
        expect(await items.find({}, { limit: 0 })).toEqual([]);
        expect(ids(await items.find({ score: 4 }, { skip: 2 }))).toEqual(
          docs
            .filter((doc) => doc.score === 4)
            .map((doc) => doc._id)
            .sort()
            .slice(2),
        );
      });

      it('sorts across types the MongoDB way: missing/null, numbers, strings, booleans', async () => {
        const items = db.collection<Item>('mixed');
        await items.create({ _id: 'm1', n: 'b' });
        await items.create({ _id: 'm2', n: 10 });
        await items.create({ _id: 'm3' });
        await items.create({ _id: 'm4', n: -1 });
        await items.create({ _id: 'm5', n: null });
        await items.create({ _id: 'm6', n: 'a' });
        expect((await items.find({}, { orderBy: [['n', 'asc']] })).map((doc) => doc._id)).toEqual([
          'm3',
          'm5',
          'm4',
          'm2',
          'm6',
          'm1',
        ]);
        expect((await items.find({}, { orderBy: [['n', 'desc']] })).map((doc) => doc._id)).toEqual([
          'm1',
          'm6',
          'm2',
          'm4',
          'm3',
          'm5',
        ]);
      });

      it('find() without a limit returns all of 2,500 documents, past every per-call cap', async () => {
        const items = db.collection<Doc & { i: number; even: boolean }>('bulk');
        const total = 2500;
        for (let start = 0; start < total; start += 250) {
          await Promise.all(
            Array.from({ length: Math.min(250, total - start) }, (_, k) => {
              const i = start + k;
              return items.create({ _id: `n${String(i).padStart(4, '0')}`, i, even: i % 2 === 0 });
            }),
          );
        }
        const all = await items.find();
        expect(all).toHaveLength(total);
        expect(new Set(all.map((doc) => doc._id)).size).toBe(total);
        expect(all.map((doc) => doc.i)).toEqual(Array.from({ length: total }, (_, i) => i));
        expect(await items.count()).toBe(total);

        const even = await items.find({ even: true });
        expect(even).toHaveLength(1250);
        expect(await items.count({ even: true })).toBe(1250);

        const window = await items.find({}, { skip: 1200, limit: 1100 });
        expect(window.map((doc) => doc.i)).toEqual(Array.from({ length: 1100 }, (_, k) => 1200 + k));
        const tail = await items.find({}, { orderBy: [['i', 'desc']], skip: 2400 });
        expect(tail.map((doc) => doc.i)).toEqual(Array.from({ length: 100 }, (_, k) => 99 - k));
      }, 20_000);
    });

    // ------------------------------------------------------------ batch writes and increments

    describe('batch writes and increments', () => {
      it('updateWhere and removeWhere report how many documents they touched', async () => {
        const items = db.collection<Item & { v?: number }>('batch');
        const groups = ['x', 'x', 'x', 'x', 'y', 'y', 'y', 'z', 'z', 'z'];
        for (const [i, g] of groups.entries()) await items.create({ _id: `b${i}`, g, v: i });

        expect(await items.updateWhere({ g: 'x' }, { flag: true, v: inc(10) })).toBe(4);
        expect(ids(await items.find({ flag: true }))).toEqual(['b0', 'b1', 'b2', 'b3']);
        expect((await items.get('b3'))?.v).toBe(13);
        expect((await items.get('b4'))?.flag).toBeUndefined();
        expect(await items.updateWhere({ g: 'nobody' }, { flag: false })).toBe(0);

        expect(await items.removeWhere({ g: 'y' })).toBe(3);
        expect(await items.count()).toBe(7);
        expect(await items.removeWhere({ g: 'y' })).toBe(0);
        expect(await items.removeWhere({ $or: [{ v: { $gte: 12 } }, { g: 'z' }] })).toBe(5);
        expect(ids(await items.find())).toEqual(['b0', 'b1']);
        expect(await items.removeWhere({})).toBe(2);
        expect(await items.count()).toBe(0);
      });

      it('createMany inserts new documents, leaves existing ones untouched and names them', async () => {
        const items = db.collection<Item & { v?: number }>('many');
        await items.create({ _id: 'm1', v: 1 });
        const docs = Array.from({ length: 1205 }, (_, i) => ({ _id: `m${i}`, v: 1000 + i }));
        const first = await items.createMany(docs);
        expect(first).toEqual({ created: 1204, existing: ['m1'] });
        expect((await items.get('m1'))?.v).toBe(1);
        expect((await items.get('m1204'))?.v).toBe(2204);
        expect(await items.count()).toBe(1205);
        // A re-run after a crash completes the batch without doubling anything.
        const again = await items.createMany([...docs.slice(1200), { _id: 'extra', v: 0 }]);
        expect(again.created).toBe(1);
        expect([...again.existing].sort()).toEqual(['m1200', 'm1201', 'm1202', 'm1203', 'm1204']);
        expect(await items.count()).toBe(1206);
        expect(await items.createMany([])).toEqual({ created: 0, existing: [] });
        await expect(items.createMany([{ _id: 'd' }, { _id: 'd' }])).rejects.toMatchObject({ code: 'INVALID' });
      }, 30_000);

      it('inc() counts exactly under 200 concurrent calls', async () => {
        const counters = db.collection<Counter>('counters');
        await counters.create({ _id: 'views', n: 0 });
        const results = await Promise.all(Array.from({ length: 200 }, () => counters.update('views', { n: inc(1) })));
        expect(results.every(Boolean)).toBe(true);
        expect((await counters.get('views'))?.n).toBe(200);
      });

      it('inc() starts a missing field at 0 and takes negative steps', async () => {
        const items = db.collection<Item>('items');
        await items.create({ _id: 'i' });
        await items.update('i', { m: inc(5) });
        await items.update('i', { m: inc(-2) });
        expect((await items.get('i'))?.m).toBe(3);
        expect(await items.update('nobody', { m: inc(1) })).toBe(false);
      });
    });

    // ------------------------------------------------------------ transactions

    describe('transactions', () => {
      it('reads its own writes and returns the work result', async () => {
        const items = db.collection<Numbered>('items');
        await items.create({ _id: 'y', n: 1 });
        const seen: Array<Numbered | null> = [];
        const result = await db.transaction(async (tx) => {
          seen.push(await tx.get<Numbered>('items', 'x'));
          await tx.create<Numbered>('items', { _id: 'x', n: 1 });
          seen.push(await tx.get<Numbered>('items', 'x'));
          await tx.update<Numbered>('items', 'x', { n: inc(2), s: 'two' });
          seen.push(await tx.get<Numbered>('items', 'x'));
          await tx.set<Numbered>('items', { _id: 'x', n: 10 });
          seen.push(await tx.get<Numbered>('items', 'x'));
          await tx.remove('items', 'y');
          seen.push(await tx.get<Numbered>('items', 'y'));
          await tx.update<Numbered>('items', 'nobody', { n: 1 });
          return 'done';
        });
        expect(result).toBe('done');
        expect(seen).toEqual([null, { _id: 'x', n: 1 }, { _id: 'x', n: 3, s: 'two' }, { _id: 'x', n: 10 }, null]);
        expect(await items.get('x')).toEqual({ _id: 'x', n: 10 });
        expect(await items.get('y')).toBeNull();
        expect(await items.get('nobody')).toBeNull();
      });

      it('writes nothing when the work throws, and rethrows that very error', async () => {
        const items = db.collection<Item>('items');
        await items.create({ _id: 'a', n: 1 });
        const boom = new Error('boom');
        const outcome = await db
          .transaction(async (tx) => {
            await tx.update<Item>('items', 'a', { n: 5 });
            await tx.create<Item>('items', { _id: 'new', n: 1 });
            await tx.remove('items', 'a');
            throw boom;
          })
          .catch((e: unknown) => e);
        expect(outcome).toBe(boom);
        expect(await items.get('a')).toEqual({ _id: 'a', n: 1 });
        expect(await items.get('new')).toBeNull();
      });

      it('a DUPLICATE inside a transaction leaves none of its writes', async () => {
        const items = db.collection<Item>('items');
        await items.create({ _id: 'dup', s: 'original' });
        await items.create({ _id: 'other', n: 1 });
        const outcome = await db
          .transaction(async (tx) => {
            await tx.create<Item>('items', { _id: 'fresh1', n: 1 });
            await tx.set<Item>('items', { _id: 'fresh2', n: 2 });
            await tx.update<Item>('items', 'other', { n: 99 });
            await tx.create<Item>('items', { _id: 'dup', s: 'second' });
          })
          .catch((e: unknown) => e);
        expect(outcome).toBeInstanceOf(DbError);
        expect(outcome).toMatchObject({ code: 'DUPLICATE' });
        expect(await items.get('fresh1')).toBeNull();
        expect(await items.get('fresh2')).toBeNull();
        expect(await items.get('other')).toEqual({ _id: 'other', n: 1 });
        expect(await items.get('dup')).toEqual({ _id: 'dup', s: 'original' });
      });

      it('20 concurrent read-modify-write transactions on one counter end at exactly 20', async () => {
        const counters = db.collection<Counter>('counters');
        await counters.create({ _id: 'c', n: 0 });
        await Promise.all(
          Array.from({ length: 20 }, () =>
            db.transaction(async (tx) => {
              const counter = await tx.get<Counter>('counters', 'c');
              await tx.update<Counter>('counters', 'c', { n: (counter?.n ?? 0) + 1 });
            }),
          ),
        );
        expect((await counters.get('c'))?.n).toBe(20);
      }, 15_000);

      it('a plain write during a transaction is not lost', async () => {
        const counters = db.collection<Counter>('counters');
        await counters.create({ _id: 'c', n: 0 });
        let interfere = true;
        await db.transaction(async (tx) => {
          const counter = await tx.get<Counter>('counters', 'c');
          if (interfere) {
            interfere = false;
            await counters.update('c', { n: inc(100) });
          }
          await tx.update<Counter>('counters', 'c', { n: (counter?.n ?? 0) + 1 });
        });
        expect((await counters.get('c'))?.n).toBe(101);
      });

      it('two transactions racing for one natural key: one commits, the other gets DUPLICATE and writes nothing', async () => {
        for (let round = 0; round < 5; round++) {
          const key = `e9:9131000000000000${round}X`;
          const register = (side: string) =>
            db.transaction(async (tx) => {
              await tx.create<Entry>('sides', { _id: `${side}${round}`, by: side });
              await tx.create<Entry>('entries', { _id: key, by: side });
              return side;
            });
          const outcomes = await Promise.allSettled([register('A'), register('B')]);
          const won = outcomes.filter((o): o is PromiseFulfilledResult<string> => o.status === 'fulfilled');
          const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect(lost[0]?.reason).toBeInstanceOf(DbError);
          expect(lost[0]?.reason).toMatchObject({ code: 'DUPLICATE' });
          const winner = won[0]?.value ?? '';
          const loser = winner === 'A' ? 'B' : 'A';
          expect(await db.collection<Entry>('entries').get(key)).toEqual({ _id: key, by: winner });
          expect(await db.collection<Entry>('sides').get(`${winner}${round}`)).toEqual({
            _id: `${winner}${round}`,
            by: winner,
          });
          expect(await db.collection<Entry>('sides').get(`${loser}${round}`)).toBeNull();
        }
      });
    });
  });
}

// ---------------------------------------------------------------- helpers

function ids(docs: readonly Doc[]): string[] {
  return docs.map((doc) => doc._id).sort();
}

function compareMissingFirst(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  return a < b ? -1 : 1;
}

// ---------------------------------------------------------------- the model for the property test

const FIELDS = ['a', 't.u', '_id'] as const;
const STRINGS = ['', 'a', 'b', 'B', 'é', '\uff5e', '\u{1f600}', 'd1', 'd10'];
const valueArbitrary: fc.Arbitrary<Scalar> = fc.oneof(
  fc.constant(null),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(...STRINGS),
  fc.boolean(),
);
const boundArbitrary: fc.Arbitrary<string | number> = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(...STRINGS),
);
/** Needles for $contains: document strings, their other case, pieces of ids and pattern characters. */
const containsArbitrary: fc.Arbitrary<string> = fc.oneof(
  // Half the needles differ from stored text only in case, so folding is exercised every run.
  fc.constantFrom('A', 'b', 'B', 'D', 'D1'),
  fc.constantFrom(...STRINGS, '1', '0', '.', '.*', '\\', '('),
);
const MISSING = Symbol('missing');
const fieldValueArbitrary = fc.oneof(fc.constant<typeof MISSING>(MISSING), valueArbitrary);

/** Text over few characters, so needles and values overlap often: letters in both cases, CJK, metacharacters. */
const searchUnit = fc.constantFrom('a', 'A', 'd', 'D', '1', '0', '.', '(', '*', '\\', '%', '创', '客', ' ');
const searchDocArbitrary = fc
  .record({
    a: fc.oneof(
      { weight: 3, arbitrary: fc.string({ unit: searchUnit, maxLength: 5 }) },
      fc.integer({ min: -11, max: 101 }),
      fc.constantFrom<unknown>(null, true, false, MISSING),
    ),
  })
  .map(({ a }) => (a === MISSING ? {} : { a }));
const searchArbitrary: fc.Arbitrary<Filter> = fc
  .record({
    field: fc.constantFrom('a', '_id'),
    text: fc.string({ unit: searchUnit, maxLength: 3 }),
    other: fc.boolean(),
  })
  .map(({ field, text, other }) =>
    other ? { $or: [{ [field]: { $contains: text } }, { a: { $gte: 100 } }] } : { [field]: { $contains: text } },
  );

const docArbitrary = fc
  .record({ a: fieldValueArbitrary, u: fieldValueArbitrary, hasT: fc.boolean() })
  .map(({ a, u, hasT }) => {
    const doc: Record<string, unknown> = {};
    if (a !== MISSING) doc.a = a;
    if (hasT) doc.t = u === MISSING ? {} : { u };
    return doc;
  });

const leafArbitrary: fc.Arbitrary<Filter> = fc.oneof(
  fc
    .record({ field: fc.constantFrom(...FIELDS), value: valueArbitrary })
    .map(({ field, value }) => ({ [field]: value })),
  fc
    .record({ field: fc.constantFrom(...FIELDS), op: fc.constantFrom('$eq', '$ne'), value: valueArbitrary })
    .map(({ field, op, value }) => ({ [field]: { [op]: value } })),
  fc
    .record({
      field: fc.constantFrom(...FIELDS),
      op: fc.constantFrom('$lt', '$lte', '$gt', '$gte'),
      value: boundArbitrary,
    })
    .map(({ field, op, value }) => ({ [field]: { [op]: value } })),
  fc
    .record({
      field: fc.constantFrom(...FIELDS),
      op: fc.constantFrom('$in', '$nin'),
      values: fc.array(fc.oneof(valueArbitrary, fc.constantFrom('d0', 'd1', 'd2')), { maxLength: 3 }),
    })
    .map(({ field, op, values }) => ({ [field]: { [op]: values } })),
  {
    weight: 2,
    arbitrary: fc
      .record({ field: fc.constantFrom(...FIELDS), text: containsArbitrary })
      .map(({ field, text }) => ({ [field]: { $contains: text } })),
  },
);

const filterArbitrary: fc.Arbitrary<Filter> = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArbitrary,
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((subs) => ({ $and: subs })),
    fc.array(tie('filter'), { minLength: 1, maxLength: 3 }).map((subs) => ({ $or: subs })),
    fc.tuple(leafArbitrary, leafArbitrary).map(([x, y]) => ({ ...x, ...y })),
  ),
})).filter;

function modelField(doc: Record<string, unknown>, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || !(segment in current)) return MISSING;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function modelEquals(found: unknown, expected: unknown): boolean {
  if (expected === null) return found === MISSING || found === null;
  return typeof found === typeof expected && found === expected;
}

function codePointCompare(x: string, y: string): number {
  const a = [...x].map((c) => c.codePointAt(0) ?? 0);
  const b = [...y].map((c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

function modelRange(found: unknown, op: string, bound: unknown): boolean {
  if (typeof found !== typeof bound) return false;
  const order =
    typeof found === 'number' ? found - (bound as number) : codePointCompare(found as string, bound as string);
  if (op === '$lt') return order < 0;
  if (op === '$lte') return order <= 0;
  if (op === '$gt') return order > 0;
  return order >= 0;
}

/** The port promises folding of ASCII letters only. */
function asciiLower(value: string): string {
  return value.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

function modelMatches(doc: Record<string, unknown>, filter: Filter): boolean {
  return Object.entries(filter).every(([key, value]) => {
    if (value === undefined) return true;
    if (key === '$and') return (value as Filter[]).every((sub) => modelMatches(doc, sub));
    if (key === '$or') return (value as Filter[]).some((sub) => modelMatches(doc, sub));
    const found = modelField(doc, key);
    if (value === null || typeof value !== 'object') return modelEquals(found, value);
    return Object.entries(value).every(([op, operand]) => {
      if (op === '$eq') return modelEquals(found, operand);
      if (op === '$ne') return !modelEquals(found, operand);
      if (op === '$in') return (operand as unknown[]).some((item) => modelEquals(found, item));
      if (op === '$nin') return !(operand as unknown[]).some((item) => modelEquals(found, item));
      if (op === '$contains')
        return typeof found === 'string' && asciiLower(found).includes(asciiLower(operand as string));
      return modelRange(found, op, operand);
    });
  });
}
