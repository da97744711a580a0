import { z } from 'zod';
import { badRequest } from '../errors';

/** URLSearchParams to a plain object; Twilio repeats the key for list parameters. */
export function formObject(form: URLSearchParams, listKeys: readonly string[] = []): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(form.keys())) {
    result[key] = listKeys.includes(key)
      ? form.getAll(key).flatMap((v) => v.split(/[\s,]+/).filter(Boolean))
      : (form.get(key) ?? '');
  }
  return result;
}

export const formBool = z
  .string()
  .transform((v) => v.toLowerCase())
  .pipe(z.enum(['true', 'false']))
  .transform((v) => v === 'true');

export const formMethod = z
  .string()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(['GET', 'POST']));

export const absoluteUrl = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}, 'must be an absolute http(s) URL');

/** An absolute URL, or '' which Twilio accepts to clear a URL field. */
export const clearableUrl = z.union([z.literal(''), absoluteUrl]);

export const phoneOrClient = z
  .string()
  .regex(/^(\+[1-9]\d{6,14}|client:[A-Za-z0-9_.@-]{1,121})$/, 'not an E.164 number or client:identity');

/** Validates a form body; the first failing field picks Twilio's error code (generic 20001 otherwise). */
export function parseForm<T extends z.ZodType>(
  schema: T,
  input: unknown,
  codes: Record<string, number> = {},
): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  const code = codes[field] ?? 20001;
  throw badRequest(
    code,
    field ? `Invalid parameter ${field}: ${issue?.message ?? ''}` : (issue?.message ?? 'Invalid parameters'),
  );
}
