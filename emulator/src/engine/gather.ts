import { AbortedError } from '../sleep';
import type { GatherVerb } from '../twiml/verbs';
import type { CallRecord } from '../types';
import type { Engine } from './context';

export interface GatheredInput {
  /** The keys pressed, without the finish key. */
  digits: string;
  /** The finishOnKey that ended the input, or '' when numDigits or the timeout did. */
  finishedOnKey: string;
}

type DigitListener = (digit: string) => void;

/** The <Gather> listening on each call, per engine (a reset drops the engine and its listeners with it). */
const listeners = new WeakMap<Engine, Map<string, DigitListener>>();

function listenersOf(engine: Engine): Map<string, DigitListener> {
  let map = listeners.get(engine);
  if (!map) {
    map = new Map();
    listeners.set(engine, map);
  }
  return map;
}

/** Hands one pressed key to the call's running <Gather>; false when no Gather is listening. */
export function offerDigit(engine: Engine, callSid: string, digit: string): boolean {
  const listener = listeners.get(engine)?.get(callSid);
  if (!listener) return false;
  listener(digit);
  return true;
}

/**
 * Collects DTMF the way Twilio's <Gather> page describes it: keys are heard from the start (the first one
 * stops the nested Say/Play/Pause prompt); input ends at finishOnKey, at numDigits keys, or after `timeout`
 * seconds without a key, counted from the end of the prompt and again from each key.
 */
export async function collectDigits(
  engine: Engine,
  call: CallRecord,
  gather: GatherVerb,
  playPrompt: (signal: AbortSignal) => Promise<void>,
  onFirstDigit: () => void,
  signal: AbortSignal,
): Promise<GatheredInput> {
  const prompt = new AbortController();
  const stopPrompt = (): void => prompt.abort();
  signal.addEventListener('abort', stopPrompt, { once: true });
  let digits = '';
  let prompting = true;
  let timer: NodeJS.Timeout | null = null;
  let finish: (input: GatheredInput) => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const done = new Promise<GatheredInput>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const startTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => finish({ digits, finishedOnKey: '' }), engine.scaled(gather.timeout * 1000));
  };
  const onAbort = (): void => fail(new AbortedError());
  signal.addEventListener('abort', onAbort, { once: true });
  const listener: DigitListener = (digit) => {
    if (prompting) {
      prompting = false;
      prompt.abort();
      onFirstDigit();
    }
    if (gather.finishOnKey !== '' && digit === gather.finishOnKey) {
      finish({ digits, finishedOnKey: digit });
      return;
    }
    digits += digit;
    if (gather.numDigits !== null && digits.length >= gather.numDigits) finish({ digits, finishedOnKey: '' });
    else startTimer();
  };
  const own = listenersOf(engine);
  own.set(call.sid, listener);
  try {
    if (signal.aborted) throw new AbortedError();
    void playPrompt(prompt.signal).then(
      () => {
        if (!prompting) return;
        prompting = false;
        startTimer();
      },
      (error: unknown) => {
        if (!(error instanceof AbortedError)) fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return await done;
  } finally {
    if (timer) clearTimeout(timer);
    prompt.abort();
    signal.removeEventListener('abort', stopPrompt);
    signal.removeEventListener('abort', onAbort);
    if (own.get(call.sid) === listener) own.delete(call.sid);
  }
}
