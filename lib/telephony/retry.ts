import { AppError } from '@/lib/errors';

export interface RetryOptions {
  /** Attempts after the first one. */
  retries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** The parts of the official client's RestException (and of a network failure) that decide what to do. */
interface TwilioFailureShape {
  status?: unknown;
  code?: unknown;
  message?: unknown;
}

export function twilioStatus(error: unknown): number | null {
  const status = (error as TwilioFailureShape | null)?.status;
  return typeof status === 'number' ? status : null;
}

/** 429 is never processed by Twilio, and 5xx is Twilio's own failure: both are worth another try. */
export function isRetryable(error: unknown): boolean {
  const status = twilioStatus(error);
  if (status === 429 || (status !== null && status >= 500)) return true;
  // Refused connections never reached Twilio, so repeating them cannot do anything twice.
  return (error as { code?: unknown } | null)?.code === 'ECONNREFUSED';
}

/** Full jitter: a random delay up to the exponential ceiling, so many instances do not retry in step. */
export function backoffDelay(
  attempt: number,
  options: Required<Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>>,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Turns a failure that will not go away by retrying into the app's error type, keeping the cause. */
export function toAppError(action: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  const status = twilioStatus(error);
  const detail =
    typeof (error as TwilioFailureShape | null)?.message === 'string'
      ? (error as { message: string }).message
      : String(error);
  if (status === 404)
    return new AppError('not_found:twilio', `Twilio could not find what we asked for while trying to ${action}.`, {
      cause: error,
    });
  if (status !== null && status >= 400 && status < 500 && status !== 429) {
    return new AppError('conflict:twilio', `Twilio refused to ${action}: ${detail}`, { cause: error });
  }
  return new AppError('unavailable:twilio', `Twilio is not answering, so we could not ${action}. Try again shortly.`, {
    cause: error,
  });
}

/** A refusal that retrying will not change: the request was understood and declined. */
export function isPermanentRefusal(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'conflict:twilio' || error.code === 'not_found:twilio');
}

/** Runs one Twilio request, retrying 429 and 5xx answers with exponential backoff and jitter. */
export async function withTwilioRetry<T>(
  action: string,
  request: () => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const retries = options.retries ?? 4;
  const timing = {
    baseDelayMs: options.baseDelayMs ?? 200,
    maxDelayMs: options.maxDelayMs ?? 3000,
    random: options.random ?? Math.random,
  };
  const sleep = options.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      if (!isRetryable(error) || attempt >= retries) throw toAppError(action, error);
      await sleep(backoffDelay(attempt, timing));
    }
  }
}
