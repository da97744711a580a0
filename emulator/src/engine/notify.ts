import type { Engine } from './context';

/** Twilio's debugger notifications: where an application error is recorded for tests to read. */
export function recordNotification(
  engine: Engine,
  callSid: string | null,
  code: number,
  message: string,
  url: string | null = null,
): void {
  engine.store.notifications.push({ at: Date.now(), callSid, code, message, url });
}
