import 'server-only';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db/client';
import { shows } from '@/lib/db/schema';
import { countUsers, insertUser } from '@/lib/db/users';
import { DEFAULT_PRODUCER_EMAIL, DEMO_ACCOUNTS, DEMO_SHOW } from './demo';

const FIRST_RUN_LOCK_ID = 7_203_115;

export interface FirstRunReport {
  producer?: { email: string; password?: string; generated: boolean };
  demoAccounts: { email: string; password: string; role: string }[];
  demoShow?: { name: string; phoneNumber: string };
}

/**
 * Creates the first producer when nobody can log in yet, and in rehearsal mode the demo team and show.
 * Runs under an advisory lock so that instances starting together create one producer, not two.
 */
export async function runFirstRun(options: {
  rehearsal: boolean;
  adminEmail?: string;
  adminPassword?: string;
}): Promise<FirstRunReport> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_RUN_LOCK_ID})`);
    const report: FirstRunReport = { demoAccounts: [] };
    if ((await countUsers(tx)) === 0) {
      const email = options.adminEmail || DEFAULT_PRODUCER_EMAIL;
      const generated = !options.adminPassword;
      const password = options.adminPassword || randomBytes(12).toString('base64url');
      await insertUser({ email, name: 'Producer', role: 'producer', passwordHash: await hashPassword(password) }, tx);
      report.producer = { email, generated, ...(generated ? { password } : {}) };
    }
    if (options.rehearsal) {
      for (const account of DEMO_ACCOUNTS) {
        const { password, ...values } = account;
        const created = await insertUser({ ...values, passwordHash: await hashPassword(password) }, tx);
        if (created) report.demoAccounts.push({ email: account.email, password, role: account.role });
      }
      const [inserted] = await tx.insert(shows).values(DEMO_SHOW).onConflictDoNothing().returning();
      if (inserted) report.demoShow = { name: inserted.name, phoneNumber: inserted.phoneNumber };
    }
    return report;
  });
}

export function describeFirstRun(report: FirstRunReport): string[] {
  const lines: string[] = [];
  if (report.producer?.generated) {
    lines.push(
      `First run: created producer ${report.producer.email} with one-time password ${report.producer.password}`,
    );
    lines.push(
      '  (printed once only: sign in and change it under Team, or set ADMIN_EMAIL and ADMIN_PASSWORD before the first start)',
    );
  } else if (report.producer) {
    lines.push(`First run: created producer ${report.producer.email} from ADMIN_EMAIL/ADMIN_PASSWORD`);
  }
  for (const account of report.demoAccounts)
    lines.push(`Rehearsal: demo ${account.role} ${account.email} / ${account.password}`);
  if (report.demoShow) lines.push(`Rehearsal: demo show "${report.demoShow.name}" on ${report.demoShow.phoneNumber}`);
  return lines;
}
