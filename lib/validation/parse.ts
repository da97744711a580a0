import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { parseFieldErrors } from './field-errors';

/** Parses input with a schema, or throws a 400 that names each bad field in words a person can act on. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.infer<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fields = parseFieldErrors(result.error);
  const first = result.error.issues[0];
  const message = first ? `${first.path.length ? `${first.path.join('.')}: ` : ''}${first.message}` : 'The request is not valid.';
  throw new AppError('bad_request:request', message, { fields });
}
