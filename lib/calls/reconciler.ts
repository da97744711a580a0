import 'server-only';
import { logProblem } from '@/lib/log';
import { AppError } from '@/lib/errors';
import { withAdvisoryLock } from '@/lib/db/advisory-lock';
import {
  findSessionByCallSid,
  listEndedSessionsWithLooseEnds,
  listOpenSessions,
  patchSession,
} from '@/lib/db/call-sessions';
import { listOpenEpisodes } from '@/lib/db/episodes';
import type { CallSession } from '@/lib/db/schema';
import { isInLiveRoom, isTerminal } from '@/lib/telephony/call-session-machine';
import { parseRoom, screenRoom, staffRoleOfLabel } from '@/lib/telephony/rooms';
import { LOBBY_ROOM } from '@/lib/telephony/static-audio';
import { usableCallerId } from '@/lib/telephony/webhook-schemas';
import {
  hangUpCall,
  isCallGone,
  listActiveConferences,
  listParticipants,
  fetchCallParties,
  moveCall,
  type ConferenceSummary,
  type ParticipantSummary,
} from '@/lib/telephony/twilio-actions';
import { offerCallbacks } from './callback-choice';
import { answerIncomingCall } from './door';
import { inBatches } from './in-batches';
import { endVanishedCall } from './effects';
import { moveToPlacement } from './placement';
import { syncLiveRoom } from './live-room';
import { recoverLostRingbacks } from './ringback';
import { requeueAfterScreenerLeft } from './screener-left';

const RECONCILER_LOCK = 7_203_118;
/** Twilio requests a pass makes at once: well inside an account's concurrency limit (429 beyond it). */
const TWILIO_REQUESTS_IN_PARALLEL = 4;
/** Calls are looked at for a day: no call lasts longer. */
const LOOKBACK_MS = 24 * 3600_000;

export interface Repair {
  action: 'ended' | 'moved' | 'confirmed' | 'audio' | 'ghost_hung_up' | 'requeued' | 'ringback';
  sessionId: string | null;
  detail: string;
}

export interface ReconcileReport {
  ran: boolean;
  checkedSessions: number;
  repairs: Repair[];
}

export interface ReconcileOptions {
  /** Sessions changed more recently than this are left alone: their move may still be under way. */
  graceMs?: number;
  /** How long a caller may wait in a screening room with no screener before going back to the queue. */
  screenerGraceMs?: number;
  /** When this process started (its moves began after it); tests stand in for a restart with it. */
  startedAt?: number;
}

interface Located {
  conference: ConferenceSummary;
  participant: ParticipantSummary;
}

async function locateEveryone(): Promise<{ byCallSid: Map<string, Located>; rooms: Map<string, Located[]> }> {
  const byCallSid = new Map<string, Located>();
  const rooms = new Map<string, Located[]>();
  const ours = (await listActiveConferences()).filter((conference) => parseRoom(conference.friendlyName));
  // Every waiting caller has a room of its own: one request per room, a few at a time, or a pass with fifty
  // callers waits fifty round trips to Twilio before it repairs anything.
  const lists = await inBatches(ours, TWILIO_REQUESTS_IN_PARALLEL, (conference) =>
    listParticipants(conference.sid).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found:twilio') return [];
      throw error;
    }),
  );
  for (const [i, conference] of ours.entries()) {
    const located = (lists[i] ?? []).map((participant) => ({ conference, participant }));
    rooms.set(conference.friendlyName, [...(rooms.get(conference.friendlyName) ?? []), ...located]);
    for (const entry of located) byCallSid.set(entry.participant.callSid, entry);
  }
  return { byCallSid, rooms };
}

/**
 * A session changed within the grace may have its move still under way, so it is left alone; but not when the
 * change is older than this process. A move the process that committed it never finished died with it (`kill -9`
 * mid-move): the new process repairs it at once instead of letting the caller sit in its old room for the
 * whole grace. Should another instance still be making that move, the repair sends the call to the same room.
 */
function mayStillBeMoving(session: CallSession, settled: number, startedAt: number): boolean {
  const changedAt = session.updatedAt.getTime();
  return changedAt > settled && changedAt >= startedAt;
}

async function checkSession(session: CallSession, where: Located | undefined, repairs: Repair[]): Promise<void> {
  if (!where) {
    if (await isCallGone(session.callSid)) {
      // Its callback may have landed since this pass listed the session: only report what this pass repaired.
      if ((await endVanishedCall(session.id, 'reconciled_hangup'))?.ended) {
        repairs.push({
          action: 'ended',
          sessionId: session.id,
          detail: 'the call had ended but its callback never arrived',
        });
      }
      return;
    }
    await moveToPlacement(session);
    repairs.push({
      action: 'moved',
      sessionId: session.id,
      detail: `the call was in no room; sent back to ${session.room}`,
    });
    return;
  }
  const room = where.conference.friendlyName;
  if (room !== session.room) {
    await moveToPlacement(session);
    repairs.push({
      action: 'moved',
      sessionId: session.id,
      detail: `the call was in ${room} instead of ${session.room}`,
    });
    return;
  }
  const liveRoom = isInLiveRoom(session.state);
  const confirmed = session.confirmedRoom === room && session.conferenceSid === where.conference.sid;
  if (!confirmed || (session.pendingCommand && !liveRoom)) {
    await patchSession(session.id, {
      confirmedRoom: room,
      conferenceSid: where.conference.sid,
      ...(liveRoom ? {} : { pendingCommand: null, attention: null }),
    });
    repairs.push({ action: 'confirmed', sessionId: session.id, detail: `confirmed in ${room}` });
  }
}

/** Hangs up calls sitting in one of our rooms whose session has already ended (or never existed). */
async function removeGhosts(
  rooms: Map<string, Located[]>,
  openCallSids: Set<string>,
  settled: number,
  repairs: Repair[],
): Promise<void> {
  for (const [room, located] of rooms) {
    for (const { participant } of located) {
      if (staffRoleOfLabel(participant.label) || openCallSids.has(participant.callSid)) continue;
      const session = await findSessionByCallSid(participant.callSid);
      if (session && !isTerminal(session.state)) continue;
      if (session?.pendingCommand) {
        if (session.updatedAt.getTime() > settled) continue;
        // Its drop or reject never reached Twilio: the placement answer now plays the goodbye, then hangs up.
        await moveToPlacement(session).catch(() => undefined);
        repairs.push({
          action: 'moved',
          sessionId: session.id,
          detail: `a finished call was still in ${room}; sent to its goodbye`,
        });
        continue;
      }
      await hangUpCall(participant.callSid).catch(() => undefined);
      repairs.push({
        action: 'ghost_hung_up',
        sessionId: session?.id ?? null,
        detail: `a finished call was still in ${room}`,
      });
    }
  }
}

/** Finished sessions whose final callback was lost still show "moving": once Twilio says the call ended, clear it. */
async function closeLooseEnds(
  looseEnds: CallSession[],
  byCallSid: Map<string, Located>,
  settled: number,
  repairs: Repair[],
): Promise<void> {
  for (const session of looseEnds) {
    if (session.updatedAt.getTime() > settled || byCallSid.has(session.callSid)) continue;
    if (!(await isCallGone(session.callSid))) continue;
    await patchSession(session.id, { pendingCommand: null, attention: null, confirmedRoom: null, conferenceSid: null });
    repairs.push({
      action: 'confirmed',
      sessionId: session.id,
      detail: 'the call had ended but its last callback never arrived',
    });
  }
}

/**
 * Calls that rang while the app could not answer waited in the lobby (the static voice fallback) with hold music:
 * each goes through the door now, and hears its room (or the door's answer) without fetching anything from us.
 */
async function admitLobby(repairs: Repair[]): Promise<void> {
  for (const lobby of await listActiveConferences(LOBBY_ROOM)) {
    const participants = await listParticipants(lobby.sid).catch(() => []);
    await inBatches(participants, TWILIO_REQUESTS_IN_PARALLEL, async (participant) => {
      try {
        const parties = await fetchCallParties(participant.callSid);
        const door = await answerIncomingCall({
          callSid: participant.callSid,
          from: usableCallerId(parties.from),
          to: parties.to,
        });
        await moveCall(participant.callSid, door.twiml);
        repairs.push({
          action: 'moved',
          sessionId: door.session?.id ?? null,
          detail: 'a call that rang while the app could not answer came through the door from the lobby',
        });
      } catch (error) {
        logProblem('warn', 'reconciler', `lobby call: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  }
}

async function pass(options: Required<ReconcileOptions>): Promise<ReconcileReport> {
  const repairs: Repair[] = [];
  await admitLobby(repairs).catch((error: unknown) =>
    logProblem('warn', 'reconciler', `lobby: ${error instanceof Error ? error.message : String(error)}`),
  );
  const since = new Date(Date.now() - LOOKBACK_MS);
  const episodes = await listOpenEpisodes();
  const sessions = await listOpenSessions({ since });
  // After the show ends nothing is open, yet a goodbye Twilio refused may still be owed to a caller in a room.
  const looseEnds = await listEndedSessionsWithLooseEnds(since);
  if (episodes.length === 0 && sessions.length === 0 && looseEnds.length === 0)
    return { ran: true, checkedSessions: 0, repairs };
  const { byCallSid, rooms } = await locateEveryone();
  const settled = Date.now() - options.graceMs;
  for (const session of sessions) {
    if (mayStillBeMoving(session, settled, options.startedAt) || !session.room) continue;
    await checkSession(session, byCallSid.get(session.callSid), repairs).catch((error: unknown) => {
      logProblem('warn', 'reconciler', `session ${session.id}:`, error instanceof Error ? error.message : error);
    });
  }
  await removeGhosts(rooms, new Set(sessions.map((s) => s.callSid)), settled, repairs);
  await closeLooseEnds(looseEnds, byCallSid, settled, repairs).catch((error: unknown) => {
    logProblem('warn', 'reconciler', 'ended sessions:', error instanceof Error ? error.message : error);
  });
  const screenersAway = new Set<string>();
  for (const session of sessions) {
    if (session.state !== 'screening' || !session.screenerId || !session.screeningAt) continue;
    const present = (rooms.get(screenRoom(session.screenerId)) ?? []).some(
      (l) => staffRoleOfLabel(l.participant.label) === 'screener',
    );
    if (!present && session.screeningAt.getTime() < Date.now() - options.screenerGraceMs)
      screenersAway.add(session.screenerId);
  }
  for (const screenerId of screenersAway) {
    for (const moved of await requeueAfterScreenerLeft(screenerId, 'no screener in the room (reconciler)')) {
      repairs.push({ action: 'requeued', sessionId: moved.id, detail: 'the screener was not in the screening room' });
    }
  }
  await offerCallbacks();
  const recovered = await recoverLostRingbacks(sessions).catch((error: unknown) => {
    logProblem('warn', 'reconciler', 'ringbacks:', error instanceof Error ? error.message : error);
    return [];
  });
  for (const sessionId of recovered) {
    repairs.push({ action: 'ringback', sessionId, detail: 'the ringback was lost; counted as failed' });
  }
  for (const episode of episodes) {
    const result = await syncLiveRoom(episode.id);
    for (const [sessionId, outcome] of result.sessions) {
      if (outcome.status === 'updated')
        repairs.push({
          action: 'audio',
          sessionId,
          detail: result.hostPresent ? 'live audio corrected' : 'no host: held',
        });
    }
  }
  return { ran: true, checkedSessions: sessions.length, repairs };
}

/** Whether a reconciliation has anything to look at: lines open, a call under way, or a finished call's loose end. */
export async function hasWorkToReconcile(): Promise<boolean> {
  const since = new Date(Date.now() - LOOKBACK_MS);
  if ((await listOpenEpisodes()).length > 0 || (await listOpenSessions({ since })).length > 0) return true;
  return (await listEndedSessionsWithLooseEnds(since)).length > 0;
}

let running: Promise<ReconcileReport> | null = null;

/**
 * One reconciliation: compares every open session with Twilio's conferences and participants and repairs
 * drift. Only one app instance runs it at a time (advisory lock); within a process, concurrent calls share a run.
 */
export async function reconcileOnce(options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const resolved = {
    graceMs: options.graceMs ?? 10_000,
    screenerGraceMs: options.screenerGraceMs ?? 30_000,
    startedAt: options.startedAt ?? performance.timeOrigin,
  };
  running ??= withAdvisoryLock(RECONCILER_LOCK, () => pass(resolved))
    .then((report) => report ?? { ran: false, checkedSessions: 0, repairs: [] })
    .finally(() => {
      running = null;
    });
  return running;
}
