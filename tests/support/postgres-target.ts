import postgres from 'postgres';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

/**
 * Decides whether the Postgres half of the database tests runs. Unreachable Postgres skips it loudly on a
 * developer machine and fails under CI, where it must be there.
 */
export async function postgresTestTarget(): Promise<{ url: string | null }> {
  const url = process.env.TEST_DATABASE_URL ?? DEFAULT_URL;
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return { url };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (process.env.CI) {
      throw new Error(`Postgres at ${url} is not reachable (${reason}); CI must run the Postgres half of the tests.`);
    }
    console.warn(`\n!! SKIPPING the Postgres half of the database tests: ${url} is not reachable (${reason}).\n`);
    return { url: null };
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}
