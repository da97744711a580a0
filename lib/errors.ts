import { logProblem } from './log';

export type ErrorType =
  'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limit' | 'unavailable' | 'internal';

export type Surface =
  | 'auth'
  | 'call'
  | 'call_state'
  | 'show'
  | 'episode'
  | 'user'
  | 'team'
  | 'caller'
  | 'message'
  | 'token'
  | 'twilio'
  | 'webhook'
  | 'database'
  | 'request'
  | 'emulator'
  | 'config';

export type ErrorCode = `${ErrorType}:${Surface}`;

const STATUS: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limit: 429,
  unavailable: 503,
  internal: 500,
};

const DEFAULT_MESSAGE: Record<ErrorType, string> = {
  bad_request: 'The request is not valid.',
  unauthorized: 'You need to sign in to do this.',
  forbidden: 'Your role does not allow this.',
  not_found: 'That was not found.',
  conflict: 'Someone else changed this first. Refresh and try again.',
  rate_limit: 'Too many attempts. Wait a moment and try again.',
  unavailable: 'A service this depends on is not answering. Try again shortly.',
  internal: 'Something went wrong on our side. It has been logged.',
};

/** Field name to the messages a person should read next to that field. */
export type FieldErrors = Record<string, string[]>;

/**
 * The one error type the app throws on purpose. The message is written for the person who caused it; the
 * cause is kept for the log and never sent to the client.
 */
export class AppError extends Error {
  readonly type: ErrorType;
  readonly surface: Surface;
  readonly fields?: FieldErrors;

  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown; fields?: FieldErrors }) {
    const [type, surface] = code.split(':') as [ErrorType, Surface];
    super(message ?? DEFAULT_MESSAGE[type], { cause: options?.cause });
    this.name = 'AppError';
    this.type = type;
    this.surface = surface;
    this.fields = options?.fields;
  }

  get code(): ErrorCode {
    return `${this.type}:${this.surface}`;
  }

  get status(): number {
    return STATUS[this.type];
  }

  toJSON() {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }

  toResponse(init?: ResponseInit): Response {
    if (this.status >= 500) logProblem('error', this.code, this.message, this.cause);
    return Response.json(this.toJSON(), { ...init, status: this.status });
  }
}

/** Turns anything thrown inside a route handler into a response that shows no internals. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) return error.toResponse();
  // toResponse logs it, with the error as its cause: once.
  return new AppError('internal:request', undefined, { cause: error }).toResponse();
}
