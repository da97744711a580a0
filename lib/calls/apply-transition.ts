import 'server-only';
import { AppError } from '@/lib/errors';
import { insertCallEvent } from '@/lib/db/call-events';
import { recordCallerAired } from '@/lib/db/callers';
import { updateSession, type SessionChanges } from '@/lib/db/call-sessions';
import type { Queryable } from '@/lib/db/client';
import type { CallEvent, CallSession } from '@/lib/db/schema';
import { isTerminal, transition, type CallInput, type Transition } from '@/lib/telephony/call-session-machine';
import { roomName } from '@/lib/telephony/rooms';

export interface TransitionMeta {
  source: CallEvent['source'];
  /** The event's name in the log; defaults to the input. */
  name?: string;
  actorId?: string | null;
  detail?: Record<string, unknown>;
  dedupeKey?: string;
  /** For pickup and rescreen: who screens. */
  screenerId?: string;
  endReason?: string;
  extra?: SessionChanges;
}

export interface AppliedTransition {
  session: CallSession;
  before: CallSession;
  next: Transition;
}

function timestampsFor(state: CallSession['state'], at: Date): SessionChanges {
  switch (state) {
    case 'queued':
      return { queuedAt: at };
    case 'screening':
      return { screeningAt: at };
    case 'ready':
      return { readyAt: at };
    case 'on_air':
      return { onAirAt: at };
    default:
      return isTerminal(state) ? { endedAt: at } : {};
  }
}

/**
 * Moves one (locked) session through the state machine inside the caller's transaction and logs it. Throws
 * 409 conflict:call_state with the machine's explanation when the move is not allowed.
 */
export async function applyTransition(
  tx: Queryable,
  session: CallSession,
  input: CallInput,
  meta: TransitionMeta,
): Promise<AppliedTransition> {
  const result = transition({ state: session.state, muted: session.muted }, input);
  if (!result.ok) throw new AppError('conflict:call_state', result.message);
  const { next } = result;
  const name = meta.name ?? input;
  if (!next.changed) {
    await insertCallEvent(
      {
        sessionId: session.id,
        callSid: session.callSid,
        source: meta.source,
        name,
        fromState: session.state,
        toState: session.state,
        actorId: meta.actorId ?? null,
        detail: meta.detail ?? {},
        dedupeKey: meta.dedupeKey,
      },
      tx,
    );
    return { session, before: session, next };
  }
  const at = new Date();
  const screenerId = meta.screenerId ?? session.screenerId;
  const room = roomName(next.room, { sessionId: session.id, episodeId: session.episodeId, screenerId });
  const changes: SessionChanges = {
    state: next.state,
    muted: next.muted,
    room,
    screenerId,
    pendingCommand: next.effect === 'none' ? null : name,
    attention: null,
    ...(next.state !== session.state ? timestampsFor(next.state, at) : {}),
    ...(isTerminal(next.state)
      ? { endReason: meta.endReason ?? name, pendingCommand: next.effect === 'farewell' ? name : null }
      : {}),
    ...meta.extra,
  };
  if (next.state === 'ready' && session.state !== 'on_air') changes.deckPosition = at.getTime();
  const updated = await updateSession(session.id, changes, tx);
  if (next.state === 'on_air' && session.state !== 'on_air' && session.callerId)
    await recordCallerAired(session.callerId, at, tx);
  await insertCallEvent(
    {
      sessionId: session.id,
      callSid: session.callSid,
      source: meta.source,
      name,
      fromState: session.state,
      toState: next.state,
      actorId: meta.actorId ?? null,
      detail: { ...meta.detail, version: updated.version, room },
      dedupeKey: meta.dedupeKey,
    },
    tx,
  );
  return { session: updated, before: session, next };
}
