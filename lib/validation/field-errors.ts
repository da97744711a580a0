import type { z } from 'zod';
import type { FieldErrors } from '@/lib/errors';

// zod's own wording ("Invalid input: expected string, received undefined"); our schemas say something better.
const ZOD_OWN_WORDING = /^(Invalid|Too (small|big)|Unrecognized key|Expected)/;

/** A field as a person reads it: `phoneNumber` becomes "Phone number". */
function fieldWords(path: readonly PropertyKey[]): string | null {
  const last = [...path].reverse().find((segment): segment is string => typeof segment === 'string');
  if (!last) return null;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The one place a zod issue becomes words for a person: our schemas' own messages as they are, never prefixed
 * with the field's internal name; zod's generic wording replaced by a plain sentence naming the field.
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (!ZOD_OWN_WORDING.test(issue.message)) return issue.message;
  const field = fieldWords(issue.path);
  if (issue.code === 'unrecognized_keys') return 'The request carries something this action does not take.';
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return field ? `${field} is missing.` : 'Something this action needs is missing.';
  return field ? `${field} is not valid.` : 'The request is not valid.';
}

export function parseFieldErrors(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    (fields[key] ??= []).push(issueMessage(issue));
  }
  return fields;
}
