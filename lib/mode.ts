/** Rehearsal mode: no Twilio account configured, so the app talks to the local emulator and seeds a demo. */
export function isRehearsalMode(): boolean {
  return !process.env.TWILIO_ACCOUNT_SID;
}
