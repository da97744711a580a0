import { expect } from 'vitest';
import { AppError } from '@/lib/errors';

/** Awaits a promise that must fail with an AppError, and answers that error for further checks. */
export async function expectAppError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}
