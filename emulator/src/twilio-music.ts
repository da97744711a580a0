import { DEFAULT_HOLD_MUSIC_URL, DEFAULT_WAIT_URL } from './constants';

/**
 * Twilio's hosted hold music: its default wait/hold URLs, the twimlets hold-music TwiML and the com.twilio.music.*
 * buckets. All on the internet, which the emulator does not have: it plays a stand-in instead of fetching them.
 */
export function isTwilioMusic(url: string): boolean {
  if (url === DEFAULT_HOLD_MUSIC_URL || url === DEFAULT_WAIT_URL) return true;
  try {
    const parsed = new URL(url);
    if (parsed.hostname === 'twimlets.com' && parsed.pathname === '/holdmusic') return true;
    return /^com\.twilio\.music\.[a-z]+\.s3\.amazonaws\.com$/.test(parsed.hostname);
  } catch {
    return false;
  }
}
