import { inspect } from 'node:util';

/**
 * Anything that looks like a phone number: `+` and 7 to 15 digits (E.164, how every number in the app is
 * kept), or a bare run of 10 to 15 digits standing alone. A failed query's error quotes its parameters and
 * PostgreSQL's detail quotes the offending value, so a caller's number would otherwise reach the log.
 */
const PHONE_NUMBER = /\+\d{7,15}(?!\d)|(?<![\w.:-])\d{10,15}(?![\w.:-])/g;

export const REDACTED_NUMBER = '[number]';

export function redactPhoneNumbers(text: string): string {
  return text.replace(PHONE_NUMBER, REDACTED_NUMBER);
}

function describe(part: unknown): string {
  return typeof part === 'string' ? part : inspect(part, { depth: 4, breakLength: Infinity });
}

/**
 * The one way the server writes a problem to its log: every part (errors with their causes included) is
 * rendered to text first and stripped of phone numbers, whoever wrote the message.
 */
export function logProblem(level: 'error' | 'warn', tag: string, ...parts: unknown[]): void {
  const line = redactPhoneNumbers(
    [`[${tag}]`, ...parts.filter((p) => p !== undefined && p !== '').map(describe)].join(' '),
  );
  if (level === 'error') console.error(line);
  else console.warn(line);
}
