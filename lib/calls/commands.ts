import 'server-only';
import { z } from 'zod';
import { assertRole, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { findSessionForUpdate, listScreeningBy, lockOnAirCount, lockScreener } from '@/lib/db/call-sessions';
import { getDb, type Queryable } from '@/lib/db/client';
import type { CallSession } from '@/lib/db/schema';
import { findUserById } from '@/lib/db/users';
import { CALL_COMMANDS, COMMAND_ROLES, describeState, type CallCommand } from '@/lib/telephony/call-session-machine';
import { applyTransition } from './apply-transition';
import { cardChanges, cardSchema } from './card';
import { requestCues } from './cues';
import { carryOut } from './effects';

export const commandBodySchema = z
  .object({
    /** The version the console last saw; a mismatch means someone else acted first. */
    version: z.number().int().nonnegative().optional(),
    /** approve and reject may carry the card the screener filled in. */
    card: cardSchema.optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();
export type CommandBody = z.infer<typeof commandBodySchema>;

/** The URL segment for each command; `back-to-deck` and `off-air` are accepted for to_deck. */
export const commandNameSchema = z
  .string()
  .transform((value) => value.replace(/-/g, '_'))
  .transform((value) => (value === 'back_to_deck' || value === 'off_air' ? 'to_deck' : value))
  .pipe(z.enum(CALL_COMMANDS));

const SCREENER_HELD = new Set<CallCommand>(['approve', 'reject', 'requeue']);

async function screenerName(id: string | null, tx: Queryable): Promise<string> {
  const user = id ? await findUserById(id, tx) : undefined;
  return user?.name ?? 'Another screener';
}

/**
 * Runs one command as an actor: role check, then (in one transaction) version check, state machine and the
 * event log, then the Twilio action. Twilio's confirmation arrives later through the conference callbacks.
 */
export async function runCallCommand(
  actor: Actor,
  sessionId: string,
  command: CallCommand,
  body: CommandBody = {},
): Promise<CallSession> {
  assertRole(actor, COMMAND_ROLES[command], 'forbidden:call');
  const db = await getDb();
  const applied = await db.transaction(async (tx) => {
    if (command === 'pickup' || command === 'rescreen') await lockScreener(tx, actor.id);
    const session = await findSessionForUpdate(sessionId, tx);
    if (!session) throw new AppError('not_found:call', 'That call was not found.');
    if (body.version !== undefined && body.version !== session.version) {
      const who = session.state === 'screening' ? ` by ${await screenerName(session.screenerId, tx)}` : '';
      throw new AppError(
        'conflict:call_state',
        `Someone else changed this caller first: the call is now ${describeState(session.state)}${who}.`,
      );
    }
    if (command === 'pickup' && session.state === 'screening') {
      const who = session.screenerId === actor.id ? 'You are' : `${await screenerName(session.screenerId, tx)} is`;
      throw new AppError('conflict:call_state', `${who} already screening this caller.`);
    }
    if (command === 'pickup' || command === 'rescreen') {
      const [other] = await listScreeningBy(actor.id, tx);
      if (other && other.id !== session.id) {
        throw new AppError(
          'conflict:call_state',
          'You are already screening another caller: approve, reject or requeue them first.',
        );
      }
    }
    if (
      SCREENER_HELD.has(command) &&
      session.state === 'screening' &&
      session.screenerId !== actor.id &&
      actor.role === 'screener'
    ) {
      throw new AppError(
        'conflict:call_state',
        `${await screenerName(session.screenerId, tx)} is screening this caller; only they (or a producer) can decide.`,
      );
    }
    if (command === 'air' && session.state === 'ready' && session.episodeId) {
      const { onAir, limit } = await lockOnAirCount(session.episodeId, tx);
      if (onAir >= limit) {
        throw new AppError(
          'conflict:call_state',
          `${onAir} callers are on air, this show's limit. Take someone off air (back to deck or drop) first.`,
        );
      }
    }
    const extra = body.card ? cardChanges(body.card) : {};
    if (command === 'reject' && body.reason) extra.rejectReason = body.reason;
    // Each pickup of a callback caller has its own retry.
    if (command === 'pickup') extra.ringbackRetried = false;
    return applyTransition(tx, session, command, {
      source: 'command',
      actorId: actor.id,
      screenerId: command === 'pickup' || command === 'rescreen' ? actor.id : undefined,
      endReason: command === 'drop' ? 'dropped' : command === 'reject' ? 'rejected' : undefined,
      detail: { actor: actor.name, via: actor.via, ...(body.reason ? { reason: body.reason } : {}) },
      extra,
    });
  });
  const done = await carryOut(applied.session, applied.next.effect);
  requestCues(done.episodeId);
  return done;
}
