import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'sbt_';

export function generateApiToken(): { token: string; tokenHash: string } {
  const token = `${PREFIX}${randomBytes(24).toString('base64url')}`;
  return { token, tokenHash: hashApiToken(token) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function bearerToken(headers: Headers): string | null {
  const header = headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1] ?? null;
}
