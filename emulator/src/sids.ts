import { randomBytes } from 'node:crypto';

export type SidPrefix = 'AC' | 'CA' | 'CF' | 'PN' | 'AP' | 'SK' | 'NO';

export function newSid(prefix: SidPrefix): string {
  return `${prefix}${randomBytes(16).toString('hex')}`;
}
