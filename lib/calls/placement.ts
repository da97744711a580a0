import 'server-only';
import { insertCallEvent } from '@/lib/db/call-events';
import { findSessionByCallSid, lockCallSid } from '@/lib/db/call-sessions';
import { getDb, type Queryable } from '@/lib/db/client';
import { findShowById } from '@/lib/db/shows';
import type { CallSession, Show } from '@/lib/db/schema';
import {
  END_REASON_FOR_EVENT,
  endInputForStatus,
  isTerminal,
  SHOW_ENDED_REASON,
} from '@/lib/telephony/call-session-machine';
import { publicUrl } from '@/lib/telephony/config';
import { conferenceUrls, moveCall } from '@/lib/telephony/twilio-actions';
import { callbackConfirmation, callerPlacementTwiml, farewellTwiml, MESSAGES } from '@/lib/telephony/twiml';
import { isWithheldNumber } from '@/lib/telephony/withheld-number';
import { applyTransition } from './apply-transition';

/** Callbacks are on for the show, and the caller has a number to ring back. */
export function canCallBack(show: Pick<Show, 'callbackOfferAfter'>, session: Pick<CallSession, 'fromNumber'>): boolean {
  return show.callbackOfferAfter > 0 && !isWithheldNumber(session.fromNumber);
}

function farewellFor(session: CallSession): string {
  if (session.endReason === SHOW_ENDED_REASON) return farewellTwiml(MESSAGES.showEnded);
  if (session.state === 'callback') return farewellTwiml(callbackConfirmation(session.fromNumber));
  if (session.state === 'rejected') return farewellTwiml(MESSAGES.rejected);
  if (session.state === 'completed' && session.endReason === 'dropped') return farewellTwiml(MESSAGES.dropped);
  return farewellTwiml(null);
}

/**
 * The one answer to "where does this call belong now?", read from the database: its room as TwiML, or the
 * closing words of a finished call. The door, the Dial action and every redirect answer with this.
 */
export async function placementTwiml(
  session: CallSession,
  db: Queryable,
  options: { greeting?: string; show?: Show; shippedHoldAudio?: boolean; callbackMenu?: boolean } = {},
): Promise<string> {
  if (isTerminal(session.state) || !session.room) return farewellFor(session);
  const show = options.show ?? (await findShowById(session.showId, db));
  if (!show) return farewellTwiml(null);
  const holding = session.state === 'queued' && canCallBack(show, session);
  return callerPlacementTwiml(
    {
      room: session.room,
      muted: session.state === 'ready' || session.muted,
      dialAction: publicUrl('/api/twilio/dial-action'),
      greeting: options.greeting,
      hangupOnStar: holding,
      callbackMenuAction: holding && options.callbackMenu ? publicUrl('/api/twilio/callback-choice') : undefined,
    },
    conferenceUrls(options.shippedHoldAudio ? null : show),
  );
}

/** Sends a call to where its session says it belongs, carrying the TwiML itself (or its closing words). */
export async function moveToPlacement(session: CallSession): Promise<void> {
  await moveCall(session.callSid, await placementTwiml(session, await getDb()));
}

export interface PlacementRequest {
  callSid: string;
  callStatus?: string;
  /** Present on a genuine Dial action: the call left its conference without us moving it. */
  dialCallStatus?: string;
  moved: boolean;
}

/**
 * The Dial action and the redirect target. A caller whose screening room ended under it (the screener's
 * browser went away) goes back to the queue; a call that ended meanwhile ends its session. Any other caller
 * that left its room without us, still on the line, had its wait audio fail: Twilio does not establish the
 * conference then and asks the Dial action (FACTS.md, waitUrl). It goes back with the hold music the app ships,
 * not the audio that just failed, which would send it round again in silence.
 */
export async function answerPlacementRequest(request: PlacementRequest): Promise<string> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await lockCallSid(tx, request.callSid);
    let session = await findSessionByCallSid(request.callSid, tx, true);
    if (!session) return farewellTwiml(null);
    const detail = {
      moved: request.moved,
      dialCallStatus: request.dialCallStatus ?? null,
      callStatus: request.callStatus ?? null,
    };
    const ended = request.callStatus ? endInputForStatus(request.callStatus) : null;
    const leftOnItsOwn = !request.moved && Boolean(request.dialCallStatus) && !ended;
    const screenRoomEnded = leftOnItsOwn && session.state === 'screening';
    const waitAudioFailed = leftOnItsOwn && !screenRoomEnded && !isTerminal(session.state);
    // Star (hangupOnStar) also takes a waiting caller out of the hold room on its own: the callback menu comes
    // first, then the shipped hold audio, which is right in either case.
    const callbackMenu = leftOnItsOwn && session.state === 'queued';
    // A session being rung back may still carry the caller's earlier call: its end is old news.
    if (ended && !isTerminal(session.state) && session.state !== 'calling_back') {
      session = (
        await applyTransition(tx, session, ended, {
          source: 'twilio',
          name: 'dial_ended',
          endReason: END_REASON_FOR_EVENT[ended],
          detail,
        })
      ).session;
    } else if (screenRoomEnded) {
      session = (await applyTransition(tx, session, 'requeue', { source: 'system', name: 'screen_room_ended', detail }))
        .session;
    } else {
      await insertCallEvent(
        {
          sessionId: session.id,
          callSid: session.callSid,
          source: 'twilio',
          name: request.moved ? 'placement' : waitAudioFailed ? 'wait_audio_failed' : 'dial_action',
          fromState: session.state,
          toState: session.state,
          detail,
        },
        tx,
      );
    }
    // This answer itself puts the call where it belongs; the join callback then clears pendingCommand.
    return placementTwiml(session, tx, { shippedHoldAudio: waitAudioFailed, callbackMenu });
  });
}
