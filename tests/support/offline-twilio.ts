import { setTwilioRetryOptionsForTests } from '@/lib/telephony/twilio-client';

/**
 * For database tests of call logic without a Twilio: rehearsal config aimed at a port nobody listens on, so
 * every REST request fails at once as "Twilio did not answer" and no retry slows the test.
 */
export function pointAtUnreachableTwilio(): void {
  delete process.env.TWILIO_ACCOUNT_SID;
  process.env.EMULATOR_URL = 'http://127.0.0.1:9';
  delete process.env.TWILIO_API_BASE_URL;
  process.env.PUBLIC_BASE_URL = 'https://switchboard.test';
  setTwilioRetryOptionsForTests({ retries: 0 });
}
