import { WAIT_URL_VERBS } from '../twiml/verbs';
import type { ConferenceRecord, ParticipantRecord } from '../types';
import { emitConferenceEvent } from './conference-events';
import { endConference } from './conference-leave';
import type { Engine } from './context';
import { fetchTwiml, resolveUrl } from './fetch-twiml';
import { refreshConferenceHearing } from './hearing';
import { recordNotification } from './notify';
import { playMs, sayMs } from './timing';

export function endConferenceViaApi(engine: Engine, conference: ConferenceRecord): void {
  endConference(engine, conference, 'conference-ended-via-api', null, 'conference_ended_via_api');
}

/** How an announcement that plays a file shows in `hears`; the audio engine plays the URL after it. */
const AUDIO_ANNOUNCEMENT = 'audio ';

export function announcementAudioUrl(announcement: string): string | null {
  return announcement.startsWith(AUDIO_ANNOUNCEMENT) ? announcement.slice(AUDIO_ANNOUNCEMENT.length) : null;
}

/**
 * AnnounceUrl: the conference (or one participant, for the Participants API) hears the announcement's
 * Say/Play for its length, then announcement-end.
 */
export async function announce(
  engine: Engine,
  conference: ConferenceRecord,
  url: string,
  method: 'GET' | 'POST',
  only: ParticipantRecord | null = null,
): Promise<void> {
  const params = {
    AccountSid: engine.options.accountSid,
    ConferenceSid: conference.sid,
    FriendlyName: conference.friendlyName,
  };
  const fetched = await fetchTwiml(engine, {
    kind: 'announce',
    url,
    method,
    params,
    callSid: null,
    conferenceSid: conference.sid,
  });
  if (fetched.kind === 'error') {
    recordNotification(engine, null, fetched.code, `AnnounceUrl: ${fetched.message}`, fetched.url);
    emitConferenceEvent(engine, conference, 'announcement-fail', null);
    return;
  }
  const verbs = fetched.kind === 'audio' ? [{ verb: 'Play' as const, url: fetched.url, loop: 1 }] : fetched.verbs;
  const forbidden = verbs.find((v) => !WAIT_URL_VERBS.has(v.verb));
  if (forbidden) {
    recordNotification(
      engine,
      null,
      13238,
      `<${forbidden.verb}> is not allowed in an announceUrl document`,
      fetched.url,
    );
    emitConferenceEvent(engine, conference, 'announcement-fail', null);
    return;
  }
  for (const verb of verbs) {
    if (conference.status === 'completed') return;
    if (verb.verb !== 'Say' && verb.verb !== 'Play') continue;
    const text =
      verb.verb === 'Say'
        ? verb.text
        : `${AUDIO_ANNOUNCEMENT}${fetched.url ? resolveUrl(verb.url, fetched.url) : verb.url}`;
    const length = verb.verb === 'Say' ? sayMs(engine, verb.text) : playMs(engine);
    if (only) only.announcement = text;
    else conference.announcement = { text, until: Date.now() + length };
    refreshConferenceHearing(engine, conference.sid);
    await new Promise((resolve) => setTimeout(resolve, length));
  }
  if (only) only.announcement = null;
  else conference.announcement = null;
  refreshConferenceHearing(engine, conference.sid);
  emitConferenceEvent(engine, conference, 'announcement-end', null);
}
