/** The rehearsal account: fixed so rehearsal mode and tests need no configuration. */
export const EMULATOR_ACCOUNT_SID = 'AC00000000000000000000000000e1a1a7';
export const EMULATOR_AUTH_TOKEN = 'emulator-rehearsal-auth-token-0000';
export const DEFAULT_EMULATOR_NUMBERS = ['+15005550006', '+15005550007', '+15005550008', '+15005550009'];
export const API_VERSION = '2010-04-01';
export const DEFAULT_HOLD_MUSIC_URL = 'http://com.twilio.music.classical.s3.amazonaws.com/BusyStrings.mp3';
export const DEFAULT_WAIT_URL = 'https://twimlets.com/holdmusic?Bucket=com.twilio.music.classical';
export const APPLICATION_ERROR_SPEECH = 'We are sorry, an application error has occurred. Goodbye.';
