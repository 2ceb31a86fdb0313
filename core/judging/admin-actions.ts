import * as v from 'valibot';
import { defineAction } from '../action-def';
import { clean, id, ids, instant, int, optionalText, paging, publicityDays } from '../schemas/common';
import { cutoffRule, prizeChoice, roundInput, roundRef } from './schemas';
import type {
  AwardsView,
  CutoffView,
  InviteView,
  JudgeView,
  JudgingAuditRow,
  RankingRow,
  RoundProgress,
  RoundView,
  SessionView,
} from './views';

const prizeCounts = v.pipe(
  v.array(v.object({ prize: prizeChoice, count: int('名额', 0, 1000) })),
  v.maxLength(4, '奖项最多 4 种'),
);

export const judgingAdminActions = {
  'admin.judge.invite': defineAction<{ invites: InviteView[] }>()({
    input: v.object({
      contestId: id('赛事'),
      count: v.pipe(
        v.number('请填写数量'),
        v.integer('数量应为整数'),
        v.minValue(1, '至少 1 个'),
        v.maxValue(100, '一次最多 100 个'),
      ),
      validDays: v.optional(
        v.pipe(v.number(), v.integer('有效天数应为整数'), v.minValue(1, '至少 1 天'), v.maxValue(90, '最长 90 天')),
        14,
      ),
    }),
    access: ['organizer'],
    write: true,
  }),

  'admin.judge.list': defineAction<{ judges: JudgeView[]; invites: InviteView[] }>()({
    input: v.object({ contestId: id('赛事') }),
    access: ['organizer'],
    write: false,
  }),

  'admin.round.list': defineAction<{ rounds: RoundView[] }>()({
    input: v.object({ contestId: id('赛事') }),
    access: ['organizer'],
    write: false,
  }),

  'admin.round.get': defineAction<{ round: RoundView; sessions: SessionView[] }>()({
    input: v.object(roundRef),
    access: ['organizer'],
    write: false,
  }),

  'admin.round.upsert': defineAction<{ round: RoundView }>()({ input: roundInput, access: ['organizer'], write: true }),

  /** Joins the eligible entries and assigns judges (or, for panels, builds the sessions); re-runs only top up. */
  'admin.round.assign': defineAction<{
    round: RoundView;
    joined: number;
    added: number;
    removed: number;
    short: Array<{ entryId: string; projectName: string; missing: number }>;
    loads: { min: number; max: number };
    sessions: number;
  }>()({
    input: v.object({
      ...roundRef,
      seed: optionalText('随机种子', 40),
    }),
    access: ['organizer'],
    write: true,
  }),

  'admin.session.update': defineAction<{ session: SessionView }>()({
    input: v.object({
      ...roundRef,
      key: v.pipe(v.string('请提供分组编号'), clean('分组编号'), v.minLength(1, '请提供分组编号'), v.maxLength(120)),
      place: v.pipe(v.string('请填写地点'), v.trim(), clean('地点'), v.maxLength(60, '地点不能超过 60 个字')),
      startsAt: v.nullable(instant('时间')),
    }),
    access: ['organizer'],
    write: true,
  }),

  'admin.round.progress': defineAction<RoundProgress>()({
    input: v.object(roundRef),
    access: ['organizer'],
    write: false,
  }),

  /** Sends a reminder to every judge with scores still to give (through the Messenger port). */
  'admin.round.remind': defineAction<{ sent: number; refused: number; failed: number; judges: number }>()({
    input: v.object(roundRef),
    access: ['organizer'],
    write: true,
  }),

  'admin.round.ranking': defineAction<{
    round: RoundView;
    rows: RankingRow[];
    total: number;
    page: number;
    pageSize: number;
  }>()({
    input: v.object({
      ...roundRef,
      group: v.optional(v.picklist(['enterprise', 'maker'])),
      field: optionalText('行业领域', 20),
      ...paging(200, 50),
    }),
    access: ['organizer'],
    write: false,
  }),

  /** The cut-off preview: nothing changes. */
  'admin.round.cutoff': defineAction<{ round: RoundView; preview: CutoffView }>()({
    input: v.object({ ...roundRef, rule: cutoffRule }),
    access: ['organizer'],
    write: false,
  }),

  'admin.round.advance': defineAction<{ round: RoundView; advanced: number; listId: string }>()({
    input: v.object({
      ...roundRef,
      rule: cutoffRule,
      fingerprint: v.pipe(v.string('请先预览晋级名单'), v.regex(/^[A-Za-z0-9_:.-]{1,100}$/, '请重新预览晋级名单')),
      /** Of the entries tied across the cut-off, the ones admitted. */
      chosen: v.optional(ids('项目', 10000), []),
      publicityDays,
    }),
    access: ['organizer'],
    write: true,
  }),

  'admin.award.propose': defineAction<AwardsView>()({
    input: v.object({
      ...roundRef,
      counts: v.optional(
        v.object({
          enterprise: v.optional(prizeCounts),
          maker: v.optional(prizeCounts),
        }),
      ),
    }),
    access: ['organizer'],
    write: false,
  }),

  'admin.award.decide': defineAction<{
    round: RoundView;
    awarded: number;
    awardsListId: string;
    nationalListId: string | null;
  }>()({
    input: v.object({
      ...roundRef,
      prizes: v.pipe(
        v.array(v.object({ entryId: id('项目'), prize: prizeChoice })),
        v.minLength(1, '请至少评定一个奖项'),
        v.maxLength(1000),
      ),
      /** Recommended to the national 企业组500强 / 创客组100强; defaults to every prize winner. */
      recommend: v.optional(ids('项目', 1000)),
      publicityDays,
    }),
    access: ['organizer'],
    write: true,
  }),

  'admin.award.export': defineAction<{ url: string; fileName: string; rows: number; expiresAt: string }>()({
    input: v.object(roundRef),
    access: ['organizer'],
    write: false,
  }),

  'admin.audit.list': defineAction<{ items: JudgingAuditRow[]; total: number; page: number; pageSize: number }>()({
    input: v.object({
      contestId: id('赛事'),
      roundId: v.optional(id('评审轮次')),
      ...paging(100, 50),
    }),
    access: ['organizer'],
    write: false,
  }),

  'admin.audit.export': defineAction<{ url: string; fileName: string; rows: number; expiresAt: string }>()({
    input: v.object({ contestId: id('赛事'), roundId: v.optional(id('评审轮次')) }),
    access: ['organizer'],
    write: false,
  }),
} as const;
