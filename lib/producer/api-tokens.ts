import 'server-only';
import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { generateApiToken } from '@/lib/auth/api-token';
import { insertApiToken, listApiTokens, revokeApiToken } from '@/lib/db/api-tokens';
import { AppError } from '@/lib/errors';

export const issueTokenSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'Name the token after what will use it, such as "studio buttons".')
      .max(100, 'Keep the name under 100 characters.'),
  })
  .strict();

export interface TokenView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Issues a token that acts as this producer; the token itself is returned now and never again (only its hash is kept). */
export async function issueToken(
  actor: Actor,
  input: z.infer<typeof issueTokenSchema>,
): Promise<{ token: string; view: TokenView }> {
  assertAccess(actor, ACCESS.manageTokens);
  const { token, tokenHash } = generateApiToken();
  const row = await insertApiToken({ name: input.name, tokenHash, userId: actor.id });
  return { token, view: toView(row) };
}

export async function listTokens(actor: Actor): Promise<TokenView[]> {
  assertAccess(actor, ACCESS.manageTokens);
  return (await listApiTokens()).map(toView);
}

export async function revokeToken(actor: Actor, id: string): Promise<TokenView> {
  assertAccess(actor, ACCESS.manageTokens);
  const row = await revokeApiToken(id);
  if (!row) throw new AppError('not_found:token', 'That token was not found, or it was already revoked.');
  return toView(row);
}

function toView(row: {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): TokenView {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
