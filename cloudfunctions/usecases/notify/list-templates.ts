import type { UseCase } from '../context';

export const listTemplates: UseCase<'notify.template.list'> = async (ctx) => ({ templates: ctx.templates });
