import 'server-only';
import { AppError } from '@/lib/errors';
import { loadTwilioConfig } from '@/lib/telephony/config';

/**
 * What is wrong with this instance's settings, in words, at start rather than at the first call.
 * Rehearsal needs nothing; going live needs the Twilio set, and several instances need one AUTH_SECRET.
 */
export function configurationProblems(env: Record<string, string | undefined> = process.env): string[] {
  const problems: string[] = [];
  try {
    loadTwilioConfig(env);
  } catch (error) {
    problems.push(error instanceof AppError ? error.message : String(error));
  }
  if (env.DATABASE_URL && !env.AUTH_SECRET) {
    problems.push(
      'AUTH_SECRET is not set. With DATABASE_URL every instance must share one AUTH_SECRET, or sessions signed by one instance are refused by the others (generate one with: openssl rand -base64 33).',
    );
  }
  return problems;
}
