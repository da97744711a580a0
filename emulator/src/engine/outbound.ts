import { sleep } from '../sleep';
import type { CallRecord } from '../types';
import { sendCallStatusCallback, setCallStatus } from './call-status';
import type { Engine } from './context';
import { endCall } from './end-call';

/** Twilio queues outbound calls beyond the account's calls-per-second limit instead of refusing them. */
function queueDelay(engine: Engine): number {
  const cps = engine.options.outboundCallsPerSecond;
  if (cps <= 0) return 0;
  const now = Date.now();
  const slot = Math.max(engine.outboundQueue.nextSlot, now);
  engine.outboundQueue.nextSlot = slot + 1000 / cps;
  return slot - now;
}

/** Reads the status afresh: it changes while this function awaits, which narrowing cannot see. */
const statusIs = (call: CallRecord, status: CallRecord['status']): boolean => call.status === status;

type Decision = 'answer' | 'busy' | 'no-answer' | 'failed';

async function decide(engine: Engine, call: CallRecord, timeoutSeconds: number): Promise<Decision> {
  const noAnswerAfter = engine.scaled(timeoutSeconds * 1000);
  if (call.to.startsWith('client:')) {
    const registration = engine.store.clients.get(call.to.slice('client:'.length));
    if (!registration) {
      await sleep(noAnswerAfter);
      return 'no-answer';
    }
    if (registration.autoAnswer) {
      await sleep(engine.options.answerDelayMs);
      return 'answer';
    }
    const answer = await new Promise<'accept' | 'reject' | 'timeout'>((resolve) => {
      engine.pendingAnswers.set(call.sid, resolve);
      for (const hook of engine.hooks.clientRinging) hook(call, registration.identity);
      setTimeout(() => resolve('timeout'), noAnswerAfter);
    });
    engine.pendingAnswers.delete(call.sid);
    return answer === 'accept' ? 'answer' : answer === 'reject' ? 'busy' : 'no-answer';
  }
  const policy = engine.store.policies.get(call.to) ?? { answer: 'answer', delayMs: engine.options.answerDelayMs };
  // Timeout is how long Twilio lets the phone ring before giving up with no-answer (Call resource, Timeout).
  if (policy.answer !== 'failed' && policy.delayMs > noAnswerAfter) {
    await sleep(noAnswerAfter);
    return 'no-answer';
  }
  await sleep(policy.delayMs);
  return policy.answer;
}

/** A number that cannot be reached fails without ringing (Call resource: failed, "most likely because the phone number was non-existent"). */
function failsUnrung(engine: Engine, call: CallRecord): boolean {
  return !call.to.startsWith('client:') && engine.store.policies.get(call.to)?.answer === 'failed';
}

/** Rings a simulated phone or browser identity; runs onAnswered once it picks up. */
export async function placeCall(
  engine: Engine,
  call: CallRecord,
  timeoutSeconds: number,
  onAnswered: () => void,
): Promise<void> {
  await sleep(queueDelay(engine));
  if (!statusIs(call, 'queued')) return;
  sendCallStatusCallback(engine, call, 'initiated');
  call.startTime = Date.now();
  await sleep(engine.options.ringDelayMs);
  if (!statusIs(call, 'queued')) return;
  if (failsUnrung(engine, call)) {
    await sleep(engine.store.policies.get(call.to)?.delayMs ?? 0);
    if (statusIs(call, 'queued')) endCall(engine, call, 'failed');
    return;
  }
  setCallStatus(engine, call, 'ringing');
  const decision = await decide(engine, call, timeoutSeconds);
  if (!statusIs(call, 'ringing')) return;
  if (decision !== 'answer') {
    endCall(engine, call, decision);
    return;
  }
  setCallStatus(engine, call, 'in-progress');
  onAnswered();
}
