/**
 * What an organizer types into a campaign either becomes a message that passes WeChat's field rules or is refused
 * beside the input that breaks them, with the limit; nothing typed is cut without the organizer seeing it.
 */
import fc from 'fast-check';
import { checkSubscriptionData } from '../../../cloudfunctions/adapters/local/local-messenger';
import { CAMPAIGN_FIELDS, CAMPAIGN_KINDS, campaignNotice, fieldLength } from '../../../core/notify/campaigns';

const contest = { id: 'c-1', name: '2026年“创客中国”上海市中小企业创新创业大赛（上海赛区）' };
const typed = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^[\u4e00-\u9fa5]{0,30}$/),
  fc.constantFrom('🚀 决赛 🚀', 'ＡＢＣ全角１２３', '换行\n的通知', ' ', '一二三四五六七八九十一二三四五六七八九十'),
);

test.each(CAMPAIGN_KINDS)('%s: every input becomes a valid message or a refusal naming the input', (kind) => {
  fc.assert(
    fc.property(
      typed,
      typed,
      typed,
      fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01') }),
      (a, b, c, at) => {
        const fields = { title: a, place: b, note: c, at: at.toISOString() };
        const built = campaignNotice(kind, fields, contest);
        if (built.ok) {
          expect(checkSubscriptionData(built.notice.data)).toBeNull();
          // Typed text arrives whole: the value WeChat gets is what was typed (cleaned), never a cut of it.
          for (const { name, key } of CAMPAIGN_FIELDS[kind]) {
            const value = fields[name];
            if (name !== 'at' && value.trim() !== '') expect(built.notice.data[key]?.value).not.toContain('…');
          }
        } else {
          for (const [key, message] of Object.entries(built.problems)) {
            expect(key).toMatch(/^fields\.(title|place|note|at)$/);
            expect(message).toMatch(/^(请填写「.+」|「.+」最多 20 个字)$/);
          }
        }
      },
    ),
  );
});

test('a title of 21 characters is refused with the field and the limit; 20 pass', () => {
  const long = '关于创客中国上海赛区决赛路演与答辩的新通知';
  expect(fieldLength(long)).toBe(21);
  expect(campaignNotice('announcement', { title: long, at: '2026-12-08T09:00:00+08:00' }, contest)).toEqual({
    ok: false,
    problems: { 'fields.title': '「通知标题」最多 20 个字' },
  });
  expect(
    campaignNotice('announcement', { title: long.slice(0, 20), at: '2026-12-08T09:00:00+08:00' }, contest),
  ).toMatchObject({ ok: true });
});

test('a place over 20 characters is refused, not cut; 备注 may stay empty', () => {
  const at = '2026-12-08T09:00:00+08:00';
  expect(
    campaignNotice('finalSchedule', { at, place: '上海市浦东新区张江高科技园区科苑路八十八号张江科学会堂' }, contest),
  ).toEqual({ ok: false, problems: { 'fields.place': '「地点」最多 20 个字' } });
  const ok = campaignNotice('finalSchedule', { at, place: '张江科学会堂' }, contest);
  expect(ok).toMatchObject({
    ok: true,
    notice: { data: { thing3: { value: '张江科学会堂' }, thing4: { value: '请按时到场' } } },
  });
  // The contest's own long name is the platform's: cut with an ellipsis, as the kind allows.
  expect(ok.ok && ok.notice.data.thing1?.value.endsWith('…')).toBe(true);
});
