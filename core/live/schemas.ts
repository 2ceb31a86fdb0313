import * as v from 'valibot';
import { id, ids, int, optionalText, text } from '../schemas/common';
import { judgeScoreInput } from '../judging/schemas';
import { LIVE_COMMANDS } from './machine';

/** `<roundId>:<group>` or `<roundId>:<group>:<session>`, e.g. `sh-2024:final:enterprise:s1`. */
export const liveRef = { liveId: id('决赛场次') };

export const liveGroup = v.picklist(['enterprise', 'maker'], '组别只能是企业组或创客组');

export const liveSettingsInput = v.object({
  pitchMinutes: v.optional(int('路演时长', 1, 60), 8),
  qaMinutes: v.optional(int('答辩时长', 0, 60), 7),
  deferFirst: v.optional(v.boolean('请选择是否延后首位评分'), false),
  judgeLabels: v.optional(v.picklist(['named', 'numbered'], '请选择亮分时评委的显示方式'), 'numbered'),
});

/** admin.live.upsert: the run of show of one group, before the first contestant takes the stage. */
export const liveUpsertInput = v.object({
  roundId: id('评审轮次'),
  group: liveGroup,
  /** Panel judges by their keys (as admin.judge.list shows them), in the order 评委 1…n are numbered. */
  judges: v.pipe(
    ids('评委', 30),
    v.minLength(1, '请至少选择 1 位评委'),
    v.check((a) => new Set(a).size === a.length, '评委不能重复'),
  ),
  settings: v.optional(liveSettingsInput, {}),
  /**
   * A 场次 of the group: its name and finalists (each in one session of the group only). Absent: the whole group
   * in one show. A group runs either as one show or in sessions, never both.
   */
  session: v.optional(
    v.object({
      key: v.pipe(v.string('缺少场次编号'), v.regex(/^s[1-9]\d?$/, '场次编号格式不正确')),
      name: text('场次名称', { min: 1, max: 20 }),
      entryIds: v.pipe(
        ids('项目', 500),
        v.minLength(1, '请至少选择 1 个本场次的项目'),
        v.check((a) => new Set(a).size === a.length, '场次中有重复的项目'),
      ),
    }),
  ),
  /** An order set by hand (every contestant once), with why: audited and in the log. */
  manualOrder: v.optional(
    v.object({
      entryIds: v.pipe(
        ids('项目', 500),
        v.minLength(1, '请排出出场顺序'),
        v.check((a) => new Set(a).size === a.length, '出场顺序中有重复的项目'),
      ),
      reason: text('手动排序原因', { min: 2, max: 200 }),
    }),
  ),
});
export type LiveUpsertInput = v.InferOutput<typeof liveUpsertInput>;

export const liveDrawInput = v.object({
  ...liveRef,
  /** Absent: the cloud draws a fresh seed. A seed given is recorded as it is, so a public draw can be replayed. */
  seed: v.optional(
    v.pipe(
      text('抽签种子', { max: 64 }),
      v.regex(/^[\w\u4e00-\u9fa5.:-]+$/, '抽签种子只能包含文字、字母、数字和 . : - _'),
    ),
  ),
});

export const liveControlInput = v.object({
  ...liveRef,
  command: v.picklist(LIVE_COMMANDS, '不支持的现场操作'),
  entryId: v.optional(id('项目')),
  reason: optionalText('原因', 200),
  seconds: v.optional(int('加时秒数', 1, 600)),
});

export const judgeLiveScoreInput = v.object({
  ...liveRef,
  entryId: judgeScoreInput.entries.entryId,
  points: judgeScoreInput.entries.points,
  comment: judgeScoreInput.entries.comment,
});

export const notaryLogInput = v.object({
  ...liveRef,
  /** Events after this sequence number (paging a long log). */
  after: v.optional(int('起始序号', 0, 1_000_000), 0),
});

export const notaryConfirmInput = v.object({
  ...liveRef,
  /** The head hash the notary checked: a log that moved on since is refused. */
  head: v.pipe(v.string('缺少日志哈希'), v.regex(/^[0-9a-f]{64}$/, '日志哈希格式不正确')),
  note: optionalText('公证备注', 200),
});

export const liveExportInput = v.object({
  ...liveRef,
  format: v.picklist(['xlsx', 'log'], '导出格式只能是 xlsx 或 log'),
});
