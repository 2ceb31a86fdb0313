import { createHash } from 'node:crypto';

export function institutionIdFor(openid: string): string {
  return `i-${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`;
}
