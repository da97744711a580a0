import 'server-only';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { findSessionForUpdate, listOpenSessions, lockCallSid } from '@/lib/db/call-sessions';
import { getDb } from '@/lib/db/client';
import { closeEpisode, findEpisodeById, latestEpisodes } from '@/lib/db/episodes';
import { findShowById } from '@/lib/db/shows';
import type { CallSession, Episode } from '@/lib/db/schema';
import { SHOW_ENDED_REASON, type TwilioEffect } from '@/lib/telephony/call-session-machine';
import { applyTransition } from './apply-transition';
import { carryOut } from './effects';
import { inBatches } from './in-batches';

/** Goodbyes sent to Twilio at once: enough for a full queue in a second or two, without a burst Twilio throttles. */
const FAREWELLS_IN_PARALLEL = 8;
/** Rounds of releasing: a caller who arrived while the first round was taking its locks is released by the next. */
const MAX_ROUNDS = 3;

export interface EndedShow {
  episode: Episode;
  /** The callers this released, in their terminal state (after their goodbye was sent, or left to the reconciler). */
  released: CallSession[];
}

const NOT_ON = 'The show is not on: its lines are closed and nobody is waiting.';

/**
 * One round in one transaction: every open session of the episode goes to its terminal state (and, in the first
 * round, the episode's lines close). Locks are taken in the order every other writer takes them (each call's
 * CallSid, then its session row, and only then the episode row, which the triggers also update at commit), so a
 * callback for one of these calls waits for this round instead of deadlocking with it.
 */
async function releaseRound(
  actor: Actor,
  episodeId: string,
  closeLines: boolean,
): Promise<{ session: CallSession; effect: TwilioEffect }[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const open = await listOpenSessions({ episodeId }, tx);
    for (const callSid of [...new Set(open.map((s) => s.callSid))].sort()) await lockCallSid(tx, callSid);
    const locked: CallSession[] = [];
    for (const candidate of [...open].sort((a, b) => a.id.localeCompare(b.id))) {
      const session = await findSessionForUpdate(candidate.id, tx);
      if (session) locked.push(session);
    }
    if (closeLines) await closeEpisode(episodeId, new Date(), tx);
    const released: { session: CallSession; effect: TwilioEffect }[] = [];
    for (const session of locked) {
      const applied = await applyTransition(tx, session, 'end_show', {
        source: 'command',
        actorId: actor.id,
        endReason: SHOW_ENDED_REASON,
        detail: { actor: actor.name, via: actor.via },
      });
      if (applied.next.changed) released.push({ session: applied.session, effect: applied.next.effect });
    }
    return released;
  });
}

/**
 * Ends the show: the lines close and everyone still in the episode (ringing, waiting, screening, on deck, on air)
 * hears that the show has ended and is hung up, so the next "Open lines" starts a new, empty episode. Staff
 * browsers stay connected. A goodbye Twilio could not deliver is left to the reconciler, which sends it again
 * (or hangs up a call still sitting in a room); a call already gone needs nothing.
 */
export async function endShow(actor: Actor, showId: string): Promise<EndedShow> {
  assertAccess(actor, ACCESS.endShow);
  if (!(await findShowById(showId))) throw new AppError('not_found:show', 'That show was not found.');
  const [latest] = await latestEpisodes(showId, 1);
  if (!latest) throw new AppError('conflict:episode', NOT_ON);
  const lingering = latest.closedAt ? await listOpenSessions({ episodeId: latest.id }) : [];
  if (latest.closedAt && lingering.length === 0) throw new AppError('conflict:episode', NOT_ON);

  const released: { session: CallSession; effect: TwilioEffect }[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    released.push(...(await releaseRound(actor, latest.id, round === 0 && !latest.closedAt)));
    if ((await listOpenSessions({ episodeId: latest.id })).length === 0) break;
  }
  // A goodbye to everyone on the line; a ringback under way is stopped; a caller waiting for a callback has no call.
  const farewells = await inBatches(released, FAREWELLS_IN_PARALLEL, ({ session, effect }) =>
    carryOut(session, effect),
  );
  const episode = (await findEpisodeById(latest.id)) ?? latest;
  return { episode, released: farewells };
}
