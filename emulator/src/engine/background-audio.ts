import { DEFAULT_HOLD_MUSIC_URL, DEFAULT_WAIT_URL } from '../constants';
import { AbortedError, sleep, untilAborted } from '../sleep';
import { WAIT_URL_VERBS } from '../twiml/verbs';
import { isTwilioMusic } from '../twilio-music';
import type { HttpMethod, ParticipantRecord } from '../types';
import type { Engine } from './context';
import { leaveConference } from './conference-leave';
import { fetchTwiml, resolveUrl } from './fetch-twiml';
import { refreshCallHearing } from './hearing';
import { recordNotification } from './notify';
import { pauseMs, playMs, repetitions, sayMs } from './timing';
import { voiceParams } from './voice-params';

type Mode = { kind: 'wait' | 'hold'; url: string | null; method: HttpMethod } | null;

function modeOf(engine: Engine, participant: ParticipantRecord): Mode {
  const conference = engine.store.conferences.get(participant.conferenceSid);
  if (!conference || participant.status !== 'connected') return null;
  if (participant.hold) return { kind: 'hold', url: participant.holdUrl, method: participant.holdMethod };
  if (conference.status !== 'in-progress')
    return { kind: 'wait', url: participant.waitUrl, method: participant.waitMethod };
  return null;
}

export function stopBackground(engine: Engine, callSid: string): void {
  engine.backgroundRuns.get(callSid)?.controller.abort();
  engine.backgroundRuns.delete(callSid);
}

/** Starts, keeps or stops the wait/hold audio a participant should hear now. */
export function syncBackground(engine: Engine, participant: ParticipantRecord): void {
  const mode = modeOf(engine, participant);
  const key = mode ? `${mode.kind}:${mode.method}:${mode.url ?? ''}` : 'none';
  const current = engine.backgroundRuns.get(participant.callSid);
  if (current?.mode === key) return;
  stopBackground(engine, participant.callSid);
  participant.backgroundAudio = { url: null, text: null };
  if (!mode) return;
  const controller = new AbortController();
  engine.backgroundRuns.set(participant.callSid, { mode: key, controller });
  loop(engine, participant, mode, controller.signal).catch((error: unknown) => {
    if (!(error instanceof AbortedError)) recordNotification(engine, participant.callSid, 12400, String(error));
  });
}

function show(engine: Engine, participant: ParticipantRecord, url: string | null, text: string | null): void {
  participant.backgroundAudio = { url, text };
  const call = engine.store.calls.get(participant.callSid);
  if (call) refreshCallHearing(engine, call);
}

async function loop(
  engine: Engine,
  participant: ParticipantRecord,
  mode: NonNullable<Mode>,
  signal: AbortSignal,
): Promise<void> {
  if (mode.url === '') return;
  if (mode.url === null) {
    show(engine, participant, mode.kind === 'hold' ? DEFAULT_HOLD_MUSIC_URL : DEFAULT_WAIT_URL, null);
    return;
  }
  if (isTwilioMusic(mode.url)) {
    show(engine, participant, mode.url, null);
    return;
  }
  let url = mode.url;
  let method = mode.method;
  for (;;) {
    const call = engine.store.calls.get(participant.callSid);
    const conference = engine.store.conferences.get(participant.conferenceSid);
    if (!call || !conference) return;
    const params = {
      ...voiceParams(engine, call),
      ConferenceSid: conference.sid,
      FriendlyName: conference.friendlyName,
    };
    const fetched = await fetchTwiml(engine, {
      kind: mode.kind,
      url,
      method,
      params,
      callSid: call.sid,
      conferenceSid: conference.sid,
    });
    if (signal.aborted) throw new AbortedError();
    if (fetched.kind === 'audio') {
      show(engine, participant, fetched.url, null);
      return untilAborted(signal);
    }
    if (fetched.kind === 'error') {
      recordNotification(engine, call.sid, fetched.code, `${mode.kind}Url: ${fetched.message}`, fetched.url);
      show(engine, participant, null, null);
      // Twilio's <Conference> page (waitUrl): when the waitUrl request fails the conference is not established and
      // the caller continues with the Dial action (or the next verb).
      if (mode.kind === 'wait') leaveConference(engine, call.sid, 'participant_add_failed');
      return;
    }
    const forbidden = fetched.verbs.find((v) => !WAIT_URL_VERBS.has(v.verb));
    if (forbidden) {
      // Error 13238: waitUrl, holdUrl and announceUrl TwiML may only use Say, Play, Pause and Redirect.
      recordNotification(
        engine,
        call.sid,
        13238,
        `<${forbidden.verb}> is not allowed in a ${mode.kind}Url document`,
        fetched.url,
      );
      show(engine, participant, null, null);
      return;
    }
    const started = Date.now();
    let redirect: { url: string; method: HttpMethod } | null = null;
    for (const verb of fetched.verbs) {
      if (verb.verb === 'Say' || verb.verb === 'Play') {
        const audio = verb.verb === 'Play' ? resolveUrl(verb.url, fetched.url) : null;
        show(engine, participant, audio, verb.verb === 'Say' ? verb.text : null);
        const each = verb.verb === 'Say' ? sayMs(engine, verb.text) : playMs(engine);
        const times = repetitions(verb.loop);
        if (!Number.isFinite(times)) return untilAborted(signal);
        await sleep(each * times, signal);
      } else if (verb.verb === 'Pause') {
        show(engine, participant, null, null);
        await sleep(pauseMs(engine, verb.length), signal);
      } else if (verb.verb === 'Redirect') {
        redirect = { url: resolveUrl(verb.url, fetched.url), method: verb.method };
        break;
      }
    }
    if (!redirect) {
      // A document that runs out of verbs leaves silence: Twilio repeats it only through <Redirect> or loop.
      show(engine, participant, null, null);
      return untilAborted(signal);
    }
    ({ url, method } = redirect);
    // A document that took no time would make the loop hammer the app; Twilio paces re-requests too.
    await sleep(Math.max(0, engine.scaled(1000) - (Date.now() - started)), signal);
  }
}
