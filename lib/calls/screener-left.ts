import 'server-only';
import { findSessionForUpdate, listScreeningBy, lockCallSid } from '@/lib/db/call-sessions';
import { getDb } from '@/lib/db/client';
import type { CallSession } from '@/lib/db/schema';
import { screenRoom, staffRoleOfLabel } from '@/lib/telephony/rooms';
import { listActiveConferences, listParticipants } from '@/lib/telephony/twilio-actions';
import { applyTransition } from './apply-transition';
import { carryOut } from './effects';

async function screenerStillThere(userId: string): Promise<boolean> {
  const conferences = await listActiveConferences(screenRoom(userId));
  for (const conference of conferences) {
    const participants = await listParticipants(conference.sid).catch(() => []);
    if (participants.some((p) => staffRoleOfLabel(p.label) === 'screener')) return true;
  }
  return false;
}

/**
 * A screener's browser left their screening room. Unless another of their browser legs is still there (or
 * `evenIfStillThere`: the screener may no longer screen), the caller they were screening goes back to the
 * queue, hearing hold audio, rather than waiting in an empty room.
 */
export async function requeueAfterScreenerLeft(
  userId: string,
  reason: string,
  options: { evenIfStillThere?: boolean } = {},
): Promise<CallSession[]> {
  const screening = await listScreeningBy(userId);
  if (screening.length === 0 || (!options.evenIfStillThere && (await screenerStillThere(userId)))) return [];
  const db = await getDb();
  const moved: CallSession[] = [];
  for (const candidate of screening) {
    const applied = await db.transaction(async (tx) => {
      await lockCallSid(tx, candidate.callSid);
      const session = await findSessionForUpdate(candidate.id, tx);
      if (session?.state !== 'screening' || session.screenerId !== userId) return null;
      return applyTransition(tx, session, 'requeue', {
        source: 'system',
        name: 'screener_left',
        detail: { screenerId: userId, reason },
      });
    });
    if (applied) moved.push(await carryOut(applied.session, applied.next.effect));
  }
  return moved;
}
