import 'server-only';
import { findShowById } from '@/lib/db/shows';
import { holdAudioTwiml } from '@/lib/telephony/twiml';

/** The wait/hold TwiML for a show's callers: its own hold audio, or Twilio's music. */
export async function holdAudioFor(showId: string | undefined): Promise<string> {
  const show = showId ? await findShowById(showId) : undefined;
  return holdAudioTwiml(show?.holdAudioUrl ?? null);
}
