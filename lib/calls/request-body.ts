import { AppError } from '@/lib/errors';

/** The JSON body of a request; an empty body is an empty object, anything else unparsable is a 400. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('bad_request:request', 'The request body must be JSON.');
  }
}
