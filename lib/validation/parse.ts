import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { issueMessage, parseFieldErrors } from './field-errors';

export const NUL_MESSAGE = 'Text cannot contain the NUL character (\\u0000). Remove it and try again.';

/** No input this app takes is nested anywhere near this deep; deeper input is refused before it is walked. */
export const MAX_INPUT_DEPTH = 32;
export const TOO_DEEP_MESSAGE = `The request is nested more than ${MAX_INPUT_DEPTH} levels deep. Send the fields as plain JSON.`;

/** Where the first string holding a NUL is, in any input: PostgreSQL text cannot store that character. */
function pathToNul(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object') return null;
  if (path.length >= MAX_INPUT_DEPTH) throw new AppError('bad_request:request', TOO_DEEP_MESSAGE);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = pathToNul(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const found = pathToNul(key, [...path, key]) ?? pathToNul(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** Parses input with a schema, or throws a 400 that names each bad field in words a person can act on. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const nulAt = pathToNul(raw);
  if (nulAt) {
    const field = nulAt.length ? nulAt.join('.') : '_';
    throw new AppError('bad_request:request', nulAt.length ? `${field}: ${NUL_MESSAGE}` : NUL_MESSAGE, {
      fields: { [field]: [NUL_MESSAGE] },
    });
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields = parseFieldErrors(result.error);
  const first = result.error.issues[0];
  const message = first ? issueMessage(first) : 'The request is not valid.';
  throw new AppError('bad_request:request', message, { fields });
}
