export class TwilioApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }

  toJson(): { code: number; message: string; more_info: string; status: number } {
    return {
      code: this.code,
      message: this.message,
      more_info: `https://www.twilio.com/docs/errors/${this.code}`,
      status: this.status,
    };
  }
}

export const notFound = (what: string): TwilioApiError =>
  new TwilioApiError(404, 20404, `The requested resource ${what} was not found`);

export const badRequest = (code: number, message: string): TwilioApiError => new TwilioApiError(400, code, message);
