/** The demo accounts and show that rehearsal mode seeds; shown on the login page and printed at start. */
export const DEMO_ACCOUNTS = [
  { email: 'host@switchboard.test', name: 'Harper Host', role: 'host', password: 'rehearsal-host' },
  { email: 'screener@switchboard.test', name: 'Sam Screener', role: 'screener', password: 'rehearsal-screener' },
] as const;

export const DEMO_SHOW = {
  name: 'The Morning Call-In',
  slug: 'morning-call-in',
  // The first number the emulator owns, so rehearsal can point it at the app.
  phoneNumber: '+15005550006',
  greeting: 'Thanks for calling The Morning Call-In. A screener will be with you shortly.',
  offAirMessage: 'The Morning Call-In is off the air right now. Please call back during the show.',
  holdAudioUrl: null,
  maxQueue: 20,
  deckAudio: 'show',
} as const;

export const DEFAULT_PRODUCER_EMAIL = 'producer@switchboard.test';
