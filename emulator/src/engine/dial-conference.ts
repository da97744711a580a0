import { AbortedError, untilAborted } from '../sleep';
import type { Verb } from '../twiml/verbs';
import type { CallRecord } from '../types';
import { conferenceCallback, findOrCreateConference } from './conference-create';
import { addParticipant, checkCanJoin, connectParticipant } from './conference-join';
import { leaveConference } from './conference-leave';
import type { Engine } from './context';
import { resolveUrl } from './fetch-twiml';
import { recordNotification } from './notify';

type DialVerb = Extract<Verb, { verb: 'Dial' }>;
export type DialOutcome = 'left' | 'not-joined';

/** Runs <Dial><Conference>: joins, then waits until the call leaves the conference for any reason. */
export async function dialConference(
  engine: Engine,
  call: CallRecord,
  dial: DialVerb,
  documentUrl: string | null,
  signal: AbortSignal,
): Promise<DialOutcome> {
  const noun = dial.conference;
  const resolve = (url: string | null): string | null => (url ? resolveUrl(url, documentUrl) : url);
  const existing = engine.store.liveConferenceByName(noun.name);
  const refusal = existing ? checkCanJoin(engine, existing, noun.participantLabel) : null;
  if (refusal) {
    recordNotification(engine, call.sid, refusal.code, refusal.message, documentUrl);
    return 'not-joined';
  }
  const callback = conferenceCallback(
    resolve(noun.statusCallback),
    noun.statusCallbackMethod,
    noun.statusCallbackEvent,
  );
  const conference = findOrCreateConference(engine, noun.name, callback, noun.maxParticipants);
  const participant = addParticipant(
    engine,
    conference,
    call,
    {
      label: noun.participantLabel,
      muted: noun.muted,
      beep: noun.beep,
      startConferenceOnEnter: noun.startConferenceOnEnter,
      endConferenceOnExit: noun.endConferenceOnExit,
      waitUrl: noun.waitUrl === '' ? '' : resolve(noun.waitUrl),
      waitMethod: noun.waitMethod,
      coaching: noun.coach !== null,
      callSidToCoach: noun.coach,
      hangupOnStar: dial.hangupOnStar,
    },
    'connecting',
  );
  let waiter: (reason: string) => void = () => undefined;
  const left = new Promise<string>((resolveLeft) => {
    waiter = resolveLeft;
    engine.leaveWaiters.set(call.sid, resolveLeft);
  });
  const action = dial.action ? { url: resolveUrl(dial.action, documentUrl), method: dial.method } : null;
  if (action) engine.dialActions.set(call.sid, action);
  connectParticipant(engine, participant);
  const limit = setTimeout(
    () => leaveConference(engine, call.sid, 'participant_hung_up'),
    engine.scaled(dial.timeLimit * 1000),
  );
  try {
    await Promise.race([left, untilAborted(signal)]);
  } finally {
    clearTimeout(limit);
    // A newer run of the same call may already wait on a new conference: only remove our own waiter.
    if (engine.leaveWaiters.get(call.sid) === waiter) engine.leaveWaiters.delete(call.sid);
    if (action && engine.dialActions.get(call.sid) === action) engine.dialActions.delete(call.sid);
  }
  if (signal.aborted) throw new AbortedError();
  return 'left';
}
