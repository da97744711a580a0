import { APPLICATION_ERROR_SPEECH } from '../constants';
import { AbortedError, sleep, throwIfAborted } from '../sleep';
import type { GatherVerb, PromptVerb, Verb } from '../twiml/verbs';
import type { CallRecord, HttpMethod, WebhookKind } from '../types';
import { setCallStatus } from './call-status';
import type { Engine } from './context';
import { dialConference } from './dial-conference';
import { endCall } from './end-call';
import { collectDigits } from './gather';
import { fetchTwiml, parseDocument, resolveUrl, type FetchedTwiml } from './fetch-twiml';
import { refreshCallHearing } from './hearing';
import { recordNotification } from './notify';
import { pauseMs, playMs, repetitions, sayMs } from './timing';
import { voiceParams } from './voice-params';

export type TwimlSource =
  { url: string; method: HttpMethod; kind: WebhookKind; extraParams?: Record<string, string> } | { twiml: string };

/** Replaces whatever the call's TwiML is doing with a new document (the caller leaves any conference first). */
export function startTwiml(engine: Engine, call: CallRecord, source: TwimlSource): void {
  engine.runs.get(call.sid)?.abort();
  const controller = new AbortController();
  engine.runs.set(call.sid, controller);
  run(engine, call, source, controller.signal).catch((error: unknown) => {
    if (error instanceof AbortedError) return;
    recordNotification(engine, call.sid, 12100, `application error: ${String(error)}`);
    endCall(engine, call);
  });
}

async function load(engine: Engine, call: CallRecord, source: TwimlSource): Promise<FetchedTwiml> {
  if ('twiml' in source) return parseDocument(source.twiml, '');
  const params = { ...voiceParams(engine, call), ...source.extraParams };
  const fetched = await fetchTwiml(engine, {
    kind: source.kind,
    url: source.url,
    method: source.method,
    params,
    callSid: call.sid,
  });
  if (fetched.kind !== 'error' || source.kind !== 'voice' || !call.fallback) return fetched;
  recordNotification(engine, call.sid, fetched.code, fetched.message, fetched.url);
  const fallbackParams = { ...params, ErrorCode: String(fetched.code), ErrorUrl: fetched.url };
  return fetchTwiml(engine, { kind: 'fallback', ...call.fallback, params: fallbackParams, callSid: call.sid });
}

function setActivity(engine: Engine, call: CallRecord, activity: CallRecord['activity']): void {
  call.activity = activity;
  refreshCallHearing(engine, call);
}

async function applicationError(
  engine: Engine,
  call: CallRecord,
  fetched: Extract<FetchedTwiml, { kind: 'error' }>,
  signal: AbortSignal,
) {
  recordNotification(engine, call.sid, fetched.code, fetched.message, fetched.url || null);
  answerIfRinging(engine, call, { kind: 'say', text: APPLICATION_ERROR_SPEECH });
  setActivity(engine, call, { kind: 'say', text: APPLICATION_ERROR_SPEECH });
  await sleep(sayMs(engine, APPLICATION_ERROR_SPEECH), signal);
}

async function run(engine: Engine, call: CallRecord, first: TwimlSource, signal: AbortSignal): Promise<void> {
  let source: TwimlSource | null = first;
  while (source) {
    const fetched = await load(engine, call, source);
    throwIfAborted(signal);
    if (fetched.kind === 'error') {
      await applicationError(engine, call, fetched, signal);
      break;
    }
    if (fetched.kind === 'audio') {
      answerIfRinging(engine, call, { kind: 'play', url: fetched.url });
      setActivity(engine, call, { kind: 'play', url: fetched.url });
      await sleep(playMs(engine), signal);
      break;
    }
    source = await runVerbs(engine, call, fetched.verbs, fetched.url || null, signal);
  }
  throwIfAborted(signal);
  endCall(engine, call);
}

/** Answers an inbound call with what it will hear first, so the timeline has no instant gap between them. */
function answerIfRinging(
  engine: Engine,
  call: CallRecord,
  first: CallRecord['activity'] = { kind: 'silence', reason: 'answered' },
): void {
  if (call.status !== 'ringing' && call.status !== 'queued') return;
  call.activity = first;
  setCallStatus(engine, call, 'in-progress');
}

function firstActivity(verb: Verb | undefined, url: string | null): CallRecord['activity'] {
  if (verb?.verb === 'Gather')
    return verb.prompt.length > 0 ? firstActivity(verb.prompt[0], url) : { kind: 'silence', reason: 'gather' };
  if (verb?.verb === 'Say') return { kind: 'say', text: verb.text };
  if (verb?.verb === 'Play') return { kind: 'play', url: resolveUrl(verb.url, url) };
  if (verb?.verb === 'Dial') return { kind: 'conference' };
  return { kind: 'silence', reason: verb?.verb === 'Pause' ? 'pause' : 'answered' };
}

async function playPromptVerb(
  engine: Engine,
  call: CallRecord,
  verb: PromptVerb,
  url: string | null,
  signal: AbortSignal,
): Promise<void> {
  if (verb.verb === 'Pause') {
    setActivity(engine, call, { kind: 'silence', reason: 'pause' });
    await sleep(pauseMs(engine, verb.length), signal);
    return;
  }
  const each = verb.verb === 'Say' ? sayMs(engine, verb.text) : playMs(engine);
  const activity =
    verb.verb === 'Say'
      ? { kind: 'say' as const, text: verb.text }
      : { kind: 'play' as const, url: resolveUrl(verb.url, url) };
  setActivity(engine, call, activity);
  for (let i = 0; i < repetitions(verb.loop); i += 1) await sleep(each, signal);
}

/**
 * <Gather>: with input, Twilio requests the action (default: this document's URL, POST) with Digits and
 * FinishedOnKey and runs what it answers, so later verbs here never run; with none it goes on to the next verb,
 * unless actionOnEmptyResult="true" asks for the action anyway (the <Gather> page, action and
 * actionOnEmptyResult).
 */
async function gather(
  engine: Engine,
  call: CallRecord,
  verb: GatherVerb,
  url: string | null,
  signal: AbortSignal,
): Promise<TwimlSource | null> {
  const playPrompt = async (promptSignal: AbortSignal): Promise<void> => {
    for (const prompt of verb.prompt) await playPromptVerb(engine, call, prompt, url, promptSignal);
    setActivity(engine, call, { kind: 'silence', reason: 'gather' });
  };
  const stopPrompt = (): void => setActivity(engine, call, { kind: 'silence', reason: 'gather' });
  const input = await collectDigits(engine, call, verb, playPrompt, stopPrompt, signal);
  if (input.digits === '' && !verb.actionOnEmptyResult) return null;
  const action = verb.action ? resolveUrl(verb.action, url) : url;
  if (!action) {
    // A document given inline (Calls.create Twiml=) has no URL to default to; the call goes on instead.
    recordNotification(engine, call.sid, 12200, '<Gather> without action in a document that has no URL', null);
    return null;
  }
  return {
    url: action,
    method: verb.method,
    kind: 'action',
    extraParams: { Digits: input.digits, FinishedOnKey: input.finishedOnKey },
  };
}

async function runVerbs(
  engine: Engine,
  call: CallRecord,
  verbs: Verb[],
  url: string | null,
  signal: AbortSignal,
): Promise<TwimlSource | null> {
  const [firstVerb] = verbs;
  if (firstVerb?.verb === 'Reject' && call.status === 'ringing') {
    // Unverified which status Twilio reports for reason="rejected"; busy for both keeps it a refusal.
    endCall(engine, call, 'busy');
    throw new AbortedError();
  }
  answerIfRinging(engine, call, firstActivity(firstVerb, url));
  for (const verb of verbs) {
    throwIfAborted(signal);
    switch (verb.verb) {
      case 'Say':
      case 'Play':
      case 'Pause':
        await playPromptVerb(engine, call, verb, url, signal);
        break;
      case 'Gather': {
        const next = await gather(engine, call, verb, url, signal);
        if (next) return next;
        break;
      }
      case 'Redirect':
        return { url: resolveUrl(verb.url, url), method: verb.method, kind: 'redirect' };
      case 'Hangup':
      case 'Reject':
        return null;
      case 'Dial': {
        setActivity(engine, call, { kind: 'conference' });
        const outcome = await dialConference(engine, call, verb, url, signal);
        if (outcome === 'left' && verb.action) {
          return {
            url: resolveUrl(verb.action, url),
            method: verb.method,
            kind: 'action',
            extraParams: { DialCallStatus: 'answered' },
          };
        }
        break;
      }
    }
  }
  return null;
}
