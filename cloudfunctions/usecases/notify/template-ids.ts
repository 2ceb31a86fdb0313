import { TEMPLATE_ID_PATTERN } from '@core/notify/template-id';
import { NOTIFY_KINDS, templateEnvName, type NotifyKind } from '@core/notify/templates';
import type { TemplateIds } from '@core/notify/views';

/** Each kind's template id, or null when the deployment gives none (or one that cannot be a template id). */
export function templateIds(given: Partial<Record<NotifyKind, string | null | undefined>>): TemplateIds {
  const ids = {} as TemplateIds;
  for (const kind of NOTIFY_KINDS) {
    const value = given[kind]?.trim();
    ids[kind] = value && TEMPLATE_ID_PATTERN.test(value) ? value : null;
  }
  return ids;
}

/** TEMPLATE_REVIEW_RESULT, TEMPLATE_JUDGE_TASK … from the function's environment variables. */
export function templatesFromEnv(env: Readonly<Record<string, string | undefined>>): TemplateIds {
  return templateIds(Object.fromEntries(NOTIFY_KINDS.map((kind) => [kind, env[templateEnvName(kind)]])));
}

/** The local cloud has every kind: its stand-in of WeChat accepts these ids. */
export function localTemplateIds(): TemplateIds {
  return templateIds(Object.fromEntries(NOTIFY_KINDS.map((kind) => [kind, `local-${kind}`])));
}

/** The kind a template id belongs to in this deployment. */
export function kindOfTemplate(templates: TemplateIds, templateId: string): NotifyKind | null {
  return NOTIFY_KINDS.find((kind) => templates[kind] === templateId) ?? null;
}
