import 'server-only';
import { AppError } from '@/lib/errors';
import { provisionTwilio, type ProvisionReport } from './provision';

type Out = Pick<Console, 'log' | 'error'>;

/** The lines to put in the environment so the app uses what setup created. */
export function environmentLines(report: ProvisionReport): string[] {
  const lines = [`TWILIO_API_KEY_SID=${report.apiKeySid}`];
  if (report.newApiKeySecret) lines.push(`TWILIO_API_KEY_SECRET=${report.newApiKeySecret}`);
  lines.push(`TWILIO_TWIML_APP_SID=${report.twimlAppSid}`);
  return lines;
}

/** Runs provisioning for `npm run twilio:setup` and reports in words; answers the process exit code. */
export async function runTwilioSetup(out: Out): Promise<number> {
  try {
    const report = await provisionTwilio({ purpose: 'setup' });
    if (report.changes.length === 0) out.log('Twilio already matches this app: nothing changed.');
    for (const change of report.changes)
      out.log(`${change.action} ${change.resource.replace('_', ' ')} ${change.sid}: ${change.detail}`);
    out.log("\nPut these in the app's environment (the secret is shown only when the key is created):");
    for (const line of environmentLines(report)) out.log(`  ${line}`);
    for (const problem of report.problems) out.error(`Problem: ${problem}`);
    return report.problems.length ? 1 : 0;
  } catch (error) {
    out.error(
      error instanceof AppError
        ? error.message
        : `Setup failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
}
