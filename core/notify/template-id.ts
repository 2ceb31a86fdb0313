/**
 * A template id as WeChat issues them (43 characters of letters, digits, - and _); the local cloud uses `local-…`.
 * On its own so the client's schemas take it without the template registry.
 */
export const TEMPLATE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
