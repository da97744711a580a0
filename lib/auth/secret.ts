import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { settings } from '@/lib/env';

/**
 * AUTH_SECRET signs the session cookies. Deployments set it (and must set the same one on every instance);
 * a single local instance without it keeps a generated one under .data/ so sessions survive restarts.
 */
export function authSecret(): string {
  const configured = settings().AUTH_SECRET;
  if (configured) return configured;
  const file = path.join(process.cwd(), '.data', 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
