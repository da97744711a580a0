import 'server-only';
import { createHash } from 'node:crypto';

/** A strong ETag of a JSON value: equal content, equal tag, whatever changed it. */
export function etagOf(value: unknown): string {
  return `"${createHash('sha1').update(JSON.stringify(value)).digest('base64url')}"`;
}
