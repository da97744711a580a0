import 'server-only';
import { readSettings, type RawEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { loadTwilioConfig } from '@/lib/telephony/config';

function problemOf(error: unknown): string {
  return error instanceof AppError ? error.message : String(error);
}

/**
 * What is wrong with this instance's settings, in words, at start rather than at the first call.
 * Rehearsal needs nothing; going live needs the Twilio set, and several instances need one AUTH_SECRET.
 */
export function configurationProblems(env?: RawEnv): string[] {
  const problems: string[] = [];
  try {
    loadTwilioConfig(env);
  } catch (error) {
    problems.push(problemOf(error));
  }
  let settings;
  try {
    settings = readSettings(env);
  } catch (error) {
    return [...problems, problemOf(error)];
  }
  if (settings.DATABASE_URL && !settings.AUTH_SECRET) {
    problems.push(
      'AUTH_SECRET is not set. With DATABASE_URL every instance must share one AUTH_SECRET, or sessions signed by one instance are refused by the others (generate one with: openssl rand -base64 33).',
    );
  }
  return problems;
}
