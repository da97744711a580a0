import type { EmulatorOptions } from '../options';
import type { Store } from '../store';
import type { CallRecord } from '../types';
import type { WebhookSender } from '../webhooks/webhook-sender';

/** What the engine modules share; one per running emulator, swapped wholesale on reset. */
export interface Engine {
  readonly options: EmulatorOptions;
  store: Store;
  readonly webhooks: WebhookSender;
  /** The current TwiML run of each call; aborting it stops whatever the call's TwiML was doing. */
  readonly runs: Map<string, AbortController>;
  /** Wait/hold audio loops of conference participants. */
  readonly backgroundRuns: Map<string, { mode: string; controller: AbortController }>;
  /** Resolves the Dial of a call that is in a conference, with the reason it left. */
  readonly leaveWaiters: Map<string, (reason: string) => void>;
  /** The Dial action of each call waiting in a conference, requested even when the caller hangs up there. */
  readonly dialActions: Map<string, { url: string; method: 'GET' | 'POST' }>;
  /** Pending ring/answer timers of outbound calls. */
  readonly dialTimers: Map<string, NodeJS.Timeout>;
  /** Browser calls waiting for the device to accept or reject. */
  readonly pendingAnswers: Map<string, (answer: 'accept' | 'reject') => void>;
  /** When the next outbound call may start dialing under the calls-per-second limit. */
  readonly outboundQueue: { nextSlot: number };
  scaled(realMs: number): number;
  /** Where the media side (audio engine, signalling) learns of call changes without polling the store. */
  readonly hooks: EngineHooks;
}

export interface EngineHooks {
  /** After setCallStatus changed a call's status. */
  readonly callStatus: Set<(call: CallRecord) => void>;
  /** A call to client:<identity> rings a device registered without autoAnswer (it answers via pendingAnswers). */
  readonly clientRinging: Set<(call: CallRecord, identity: string) => void>;
}
