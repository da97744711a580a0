import 'server-only';
import { AppError } from '@/lib/errors';
import { ENDED_CALL_STATUSES } from './call-session-machine';
import { publicUrl } from './config';
import { HOLD_TWIML_PATH } from './static-audio';
import { callTwilio } from './twilio-client';

/**
 * Wait and hold audio, fetched by Twilio with GET and never through a route: the show's own audio file when it
 * has one (an MP3 or WAV URL, which Twilio plays as it is), else the app's static hold TwiML around its music.
 */
export function holdAudioUrl(show: { holdAudioUrl: string | null } | null): string {
  return show?.holdAudioUrl ?? publicUrl(HOLD_TWIML_PATH);
}

export function conferenceUrls(show: { holdAudioUrl: string | null } | null) {
  return { waitUrl: holdAudioUrl(show), conferenceStatus: publicUrl('/api/twilio/conference-status') };
}

/**
 * The call leaves whatever it is doing (its conference included) and runs this TwiML: the document of its new
 * room, built when the command committed, so Twilio needs nothing from the app at the instant it acts.
 */
export async function moveCall(callSid: string, twiml: string): Promise<void> {
  await callTwilio('move the call', (client) => client.calls(callSid).update({ twiml }));
}

export interface OutboundCall {
  to: string;
  /** The show's number: the caller sees who is ringing. */
  from: string;
  /** Asked for TwiML when the call is answered. */
  url: string;
  statusCallback: string;
  /** How long the phone may ring before Twilio gives up with no-answer. */
  timeoutSeconds: number;
}

/** Places an outbound call (Calls.create); answers its CallSid. */
export async function createOutboundCall(call: OutboundCall): Promise<string> {
  const created = await callTwilio('ring the caller back', (client) =>
    client.calls.create({
      to: call.to,
      from: call.from,
      url: call.url,
      method: 'POST',
      statusCallback: call.statusCallback,
      statusCallbackMethod: 'POST',
      timeout: call.timeoutSeconds,
    }),
  );
  return created.sid;
}

export async function hangUpCall(callSid: string): Promise<void> {
  await callTwilio('hang up the call', (client) => client.calls(callSid).update({ status: 'completed' }));
}

/** Who a call is from and to, as Twilio has it (for a call that reached us only through the lobby). */
export async function fetchCallParties(callSid: string): Promise<{ from: string; to: string }> {
  const call = await callTwilio('look up the call', (client) => client.calls(callSid).fetch());
  return { from: call.from, to: call.to };
}

async function fetchCallStatus(callSid: string): Promise<string> {
  const call = await callTwilio('look up the call', (client) => client.calls(callSid).fetch());
  return call.status;
}

/** Whether Twilio says the call has ended (or no longer knows it). Any other trouble asking is rethrown. */
export async function isCallGone(callSid: string): Promise<boolean> {
  try {
    return ENDED_CALL_STATUSES.has(await fetchCallStatus(callSid));
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found:twilio') return true;
    throw error;
  }
}

export interface ConferenceSummary {
  sid: string;
  friendlyName: string;
  status: string;
}

/** Conferences that are running or waiting to start. */
export async function listActiveConferences(friendlyName?: string): Promise<ConferenceSummary[]> {
  const filter = friendlyName ? { friendlyName } : {};
  const [running, waiting] = await Promise.all([
    callTwilio('list conferences', (client) => client.conferences.list({ ...filter, status: 'in-progress' })),
    callTwilio('list conferences', (client) => client.conferences.list({ ...filter, status: 'init' })),
  ]);
  return [...running, ...waiting].map((c) => ({ sid: c.sid, friendlyName: c.friendlyName, status: c.status }));
}

export interface ParticipantSummary {
  callSid: string;
  label: string | null;
  muted: boolean;
  hold: boolean;
}

export async function listParticipants(conferenceSid: string): Promise<ParticipantSummary[]> {
  const rows = await callTwilio('list who is in a room', (client) =>
    client.conferences(conferenceSid).participants.list(),
  );
  return rows.map((p) => ({ callSid: p.callSid, label: p.label ?? null, muted: p.muted, hold: p.hold }));
}

export interface ParticipantAudio {
  muted: boolean;
  hold: boolean;
  holdUrl?: string;
}

export async function updateParticipantAudio(
  conferenceSid: string,
  callSid: string,
  audio: ParticipantAudio,
): Promise<void> {
  await callTwilio('change what the caller hears', (client) =>
    client
      .conferences(conferenceSid)
      .participants(callSid)
      .update({
        muted: audio.muted,
        hold: audio.hold,
        ...(audio.hold && audio.holdUrl ? { holdUrl: audio.holdUrl, holdMethod: 'GET' } : {}),
      }),
  );
}

/** One participant, and nobody else in the room, hears the announcement at this URL (Participants AnnounceUrl). */
export async function announceToParticipant(conferenceSid: string, callSid: string, url: string): Promise<void> {
  await callTwilio('speak to the caller', (client) =>
    client.conferences(conferenceSid).participants(callSid).update({ announceUrl: url, announceMethod: 'POST' }),
  );
}
