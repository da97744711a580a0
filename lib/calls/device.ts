import 'server-only';
import { insertCallEvent } from '@/lib/db/call-events';
import { findEpisodeById, listOpenEpisodes } from '@/lib/db/episodes';
import type { Episode } from '@/lib/db/schema';
import { findUserById } from '@/lib/db/users';
import { roleAllows } from '@/lib/auth/roles';
import { liveRoom, screenRoom, staffLabel, userIdFromClient, type StaffRole } from '@/lib/telephony/rooms';
import { conferenceUrls } from '@/lib/telephony/twilio-actions';
import { farewellTwiml, MESSAGES, staffPlacementTwiml } from '@/lib/telephony/twiml';

export const NO_SHOW_MESSAGE = 'No show has its lines open right now. Goodbye.';

export interface DeviceConnect {
  callSid: string;
  from: string;
  /** The params the browser passed to device.connect(). */
  room?: 'screen' | 'live';
  episodeId?: string;
}

async function pickEpisode(episodeId: string | undefined): Promise<Episode | undefined> {
  if (episodeId) {
    const episode = await findEpisodeById(episodeId);
    return episode && !episode.closedAt ? episode : undefined;
  }
  const open = await listOpenEpisodes();
  return open.length === 1 ? open[0] : undefined;
}

/**
 * The TwiML App's voice URL: a host's, screener's or producer's browser connects. Each identity only ever
 * lands in a room its role allows: a screener in its own screening room, a host in an open episode's live
 * room, a producer in either (by the `room` param).
 */
export async function answerDeviceConnect(connect: DeviceConnect): Promise<string> {
  const userId = userIdFromClient(connect.from);
  const user = userId ? await findUserById(userId) : undefined;
  if (!user || user.disabled) return farewellTwiml(MESSAGES.notAllowed);
  const wanted: StaffRole =
    connect.room === 'live' || (connect.room === undefined && user.role === 'host') ? 'host' : 'screener';
  if (!roleAllows(user.role, [wanted])) return farewellTwiml(MESSAGES.notAllowed);
  let room = screenRoom(user.id);
  if (wanted === 'host') {
    const episode = await pickEpisode(connect.episodeId);
    if (!episode) return farewellTwiml(NO_SHOW_MESSAGE);
    room = liveRoom(episode.id);
  }
  await insertCallEvent({
    callSid: connect.callSid,
    source: 'twilio',
    name: 'staff_connected',
    actorId: user.id,
    detail: { room, role: wanted },
  });
  return staffPlacementTwiml(
    { room, label: staffLabel(wanted, connect.callSid), endConferenceOnExit: wanted === 'screener' },
    conferenceUrls(null),
  );
}
