/**
 * Files the app ships under public/ for Twilio to fetch while the app itself may be down: hold music and the
 * static TwiML around it. No route, database or signature check stands between a waiting caller and music.
 * The files are checked against these definitions by static-audio.test.ts; the WAV is made by
 * scripts/make-hold-music.mjs.
 */
export const HOLD_MUSIC_PATH = '/hold/switchboard-hold.wav';

/** Wait and hold TwiML: the hold music, looped (Twilio plays a document once; loop="0" keeps it going). */
export const HOLD_TWIML_PATH = '/twiml/hold.xml';

/**
 * The voice fallback (voiceFallbackUrl): when the voice webhook fails (the app restarting), the caller waits in
 * the lobby with hold music until the reconciler walks them through the door.
 */
export const VOICE_FALLBACK_TWIML_PATH = '/twiml/voice-fallback.xml';

/** The conference a caller waits in when the app could not answer its call; it never starts, so nobody hears anyone. */
export const LOBBY_ROOM = 'lobby';
