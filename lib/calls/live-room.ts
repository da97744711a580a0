import 'server-only';
import { listLiveRoomSessions, patchSession } from '@/lib/db/call-sessions';
import { findEpisodeById } from '@/lib/db/episodes';
import { findShowById } from '@/lib/db/shows';
import { desiredLiveAudio } from '@/lib/telephony/live-audio';
import { liveRoom, staffRoleOfLabel } from '@/lib/telephony/rooms';
import {
  holdAudioUrl,
  listActiveConferences,
  listParticipants,
  updateParticipantAudio,
} from '@/lib/telephony/twilio-actions';

export type LiveSyncOutcome =
  { status: 'in_sync' } | { status: 'updated' } | { status: 'absent' } | { status: 'error'; error: unknown };

export interface LiveSyncResult {
  hostPresent: boolean;
  conferenceSid: string | null;
  sessions: Map<string, LiveSyncOutcome>;
}

/**
 * Makes what every caller in an episode's live room hears match the database: deck callers muted (or held),
 * on-air callers live, and everyone held while no host is there. Safe to run any number of times.
 */
export async function syncLiveRoom(episodeId: string): Promise<LiveSyncResult> {
  const result: LiveSyncResult = { hostPresent: false, conferenceSid: null, sessions: new Map() };
  const episode = await findEpisodeById(episodeId);
  const show = episode ? await findShowById(episode.showId) : undefined;
  if (!episode || !show) return result;
  const sessions = await listLiveRoomSessions(episodeId);
  const [conference] = await listActiveConferences(liveRoom(episodeId));
  if (!conference) {
    for (const session of sessions) result.sessions.set(session.id, { status: 'absent' });
    return result;
  }
  result.conferenceSid = conference.sid;
  const participants = await listParticipants(conference.sid);
  result.hostPresent = participants.some((p) => staffRoleOfLabel(p.label) === 'host');
  const byCallSid = new Map(participants.map((p) => [p.callSid, p]));
  for (const session of sessions) {
    const participant = byCallSid.get(session.callSid);
    if (!participant) {
      result.sessions.set(session.id, { status: 'absent' });
      continue;
    }
    const desired = desiredLiveAudio(session, show.deckAudio, result.hostPresent);
    if (participant.muted === desired.muted && participant.hold === desired.hold) {
      result.sessions.set(session.id, { status: 'in_sync' });
      if (session.pendingCommand && session.confirmedRoom === session.room) {
        await patchSession(session.id, { pendingCommand: null, attention: null });
      }
      continue;
    }
    try {
      await updateParticipantAudio(conference.sid, session.callSid, { ...desired, holdUrl: holdAudioUrl(show) });
      result.sessions.set(session.id, { status: 'updated' });
    } catch (error) {
      result.sessions.set(session.id, { status: 'error', error });
    }
  }
  return result;
}
