import 'server-only';
import { and, eq, gte, or, sql } from 'drizzle-orm';
import { getDb } from './client';
import { loginAttempts } from './schema';

/** The first key of the two-part advisory locks that queue sign-in attempts (the second is the hashed name). */
const LOGIN_LOCK_SPACE = 7_203_115;

export interface LoginLimits {
  since: Date;
  /** Attempts one account may have had in the window; the next is refused. */
  maxPerAccount: number;
  /** Distinct accounts that may have failed from one address in the window; the next attempt from it is refused. */
  maxAccountsPerAddress: number;
}

/**
 * Counts and, if the limits allow, records an attempt, as one step: the attempts of one account (and from one
 * address) take their advisory locks first, so of 40 simultaneous attempts only as many as the limit allows
 * reach the password check. The row stands for a failure until `clearLoginAttempts` removes it on success.
 * Answers the recorded row's id, or null when the attempt is refused.
 */
export async function reserveLoginAttempt(
  account: string,
  address: string | null,
  limits: LoginLimits,
): Promise<number | null> {
  const db = await getDb();
  const lockNames = [`account:${account}`, ...(address ? [`address:${address}`] : [])].sort();
  return db.transaction(async (tx) => {
    for (const name of lockNames)
      await tx.execute(sql`select pg_advisory_xact_lock(${LOGIN_LOCK_SPACE}, hashtext(${name}))`);
    const [counts] = await tx
      .select({
        forAccount: sql<number>`count(*) filter (where ${loginAttempts.account} = ${account})`.mapWith(Number),
        accountsFromAddress:
          sql<number>`count(distinct ${loginAttempts.account}) filter (where ${loginAttempts.address} = ${address})`.mapWith(
            Number,
          ),
      })
      .from(loginAttempts)
      .where(
        and(
          gte(loginAttempts.createdAt, limits.since),
          or(eq(loginAttempts.account, account), address ? eq(loginAttempts.address, address) : undefined),
        ),
      );
    if ((counts?.forAccount ?? 0) >= limits.maxPerAccount) return null;
    if (address && (counts?.accountsFromAddress ?? 0) >= limits.maxAccountsPerAddress) return null;
    const [row] = await tx.insert(loginAttempts).values({ account, address }).returning({ id: loginAttempts.id });
    return row?.id ?? null;
  });
}

/** A successful sign-in: the account's failures no longer count, against it or against any address. */
export async function clearLoginAttempts(account: string): Promise<void> {
  const db = await getDb();
  await db.delete(loginAttempts).where(eq(loginAttempts.account, account));
}
