import 'server-only';
import { getDbHandle } from '@/lib/db/client';
import { isRehearsal, settings } from '@/lib/env';
import { configurationProblems } from './config-check';
import { describeFirstRun, runFirstRun } from './first-run';

/** What the server does once when it starts: migrate, and create the first accounts when there are none. */
export async function startApp(): Promise<void> {
  for (const problem of configurationProblems()) console.error(`Configuration problem: ${problem}`);
  const handle = await getDbHandle();
  const report = await runFirstRun({
    rehearsal: isRehearsal(),
    adminEmail: settings().ADMIN_EMAIL,
    adminPassword: settings().ADMIN_PASSWORD,
  });
  console.log(`Switchboard: database ready (${handle.kind === 'pglite' ? 'embedded PGlite' : 'Postgres'})`);
  for (const line of describeFirstRun(report)) console.log(line);
}
