import 'server-only';
import { z } from 'zod';
import { ACCESS } from '@/lib/auth/access';
import { assertAccess, type Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { rememberCallerDetails } from '@/lib/db/callers';
import { findSessionForUpdate, updateSession, type SessionChanges } from '@/lib/db/call-sessions';
import { getDb } from '@/lib/db/client';
import type { CallSession } from '@/lib/db/schema';
import { describeState, isTerminal } from '@/lib/telephony/call-session-machine';

const text = (max: number) => z.string().trim().max(max, `Keep this under ${max} characters.`).nullable().optional();

export const cardSchema = z
  .object({
    name: text(120),
    location: text(120),
    topic: text(200),
    comment: text(1000),
    priority: z.enum(['low', 'normal', 'high']).optional(),
  })
  .strict();
export type CardInput = z.infer<typeof cardSchema>;

export const cardPatchSchema = cardSchema.extend({ version: z.number().int().nonnegative().optional() }).strict();

export function cardChanges(card: CardInput): SessionChanges {
  const changes: SessionChanges = {};
  if (card.name !== undefined) changes.cardName = card.name || null;
  if (card.location !== undefined) changes.cardLocation = card.location || null;
  if (card.topic !== undefined) changes.cardTopic = card.topic || null;
  if (card.comment !== undefined) changes.cardComment = card.comment || null;
  if (card.priority !== undefined) changes.cardPriority = card.priority;
  return changes;
}

/** Screeners and hosts edit the caller card; the caller's name and place are remembered for next time. */
export async function updateCallCard(
  actor: Actor,
  sessionId: string,
  input: z.infer<typeof cardPatchSchema>,
): Promise<CallSession> {
  assertAccess(actor, ACCESS.handleCalls);
  const { version, ...card } = input;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const session = await findSessionForUpdate(sessionId, tx);
    if (!session) throw new AppError('not_found:call', 'That call was not found.');
    if (version !== undefined && version !== session.version) {
      throw new AppError(
        'conflict:call_state',
        `Someone else changed this caller first: the call is now ${describeState(session.state)}. Check the card and try again.`,
      );
    }
    if (isTerminal(session.state))
      throw new AppError(
        'conflict:call_state',
        `This call is ${describeState(session.state)}; its card can no longer change.`,
      );
    const updated = await updateSession(session.id, cardChanges(card), tx);
    if (session.callerId)
      await rememberCallerDetails(session.callerId, { name: card.name, location: card.location }, tx);
    return updated;
  });
}
