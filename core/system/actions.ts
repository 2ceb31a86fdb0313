import * as v from 'valibot';
import { defineAction } from '../action-def';
import { noInput, text } from '../schemas/common';
import type { HealthOutput, MeOutput, SystemStatusOutput } from './views';

export const profileInput = v.object({ name: text('昵称', { max: 20 }) });

export const systemActions = {
  'system.health': defineAction<HealthOutput>()({ input: noInput, access: 'public', write: false }),

  'auth.me': defineAction<MeOutput>()({ input: noInput, access: 'public', write: false, readsGrants: true }),

  'auth.profile.update': defineAction<NonNullable<MeOutput['user']>>()({
    input: profileInput,
    access: 'user',
    write: true,
  }),

  'admin.system.status': defineAction<SystemStatusOutput>()({
    input: noInput,
    access: ['organizer'],
    write: false,
    globalOnly: true,
  }),
} as const;
