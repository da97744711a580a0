import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { verifyAccessToken, type VerifiedToken } from '../engine/access-token';
import { hangUpViaApi } from '../engine/call-update';
import { connectClient, registerClient } from '../engine/client-connect';
import type { Engine } from '../engine/context';
import { pressDigits } from '../engine/digits';
import { ringNumber } from '../engine/inbound';
import { TwilioApiError } from '../errors';
import type { AudioEngine } from '../media/audio-engine';
import { RtcLeg } from '../media/rtc-leg';
import { TERMINAL_CALL_STATUSES, type CallRecord } from '../types';

/** The Voice SDK's signalling version (pstream.ts) and path (the URL is always wss://<chunderw>/signal). */
export const SIGNAL_PROTOCOL_VERSION = '1.6';
export const SIGNAL_PATH = '/signal';

const messageSchema = z.object({ type: z.string(), payload: z.record(z.string(), z.unknown()).default({}) });
const listenSchema = z.object({ token: z.string().min(1) });
const inviteSchema = z.object({
  callsid: z.string().min(1),
  sdp: z.string().min(1),
  reconnect: z.string().optional(),
  twilio: z.object({ params: z.string().optional() }).default({}),
});
const callSidSchema = z.object({ callsid: z.string().min(1) });
const answerSchema = z.object({ callsid: z.string().min(1), sdp: z.string().min(1) });
const dtmfSchema = z.object({ callsid: z.string().min(1), dtmf: z.string().regex(/^[0-9*#wW]{1,64}$/) });

type SignalError = { code: number; message: string };

/**
 * device.connect({ params }) with these two rings the number as a simulated phone instead of the TwiML App: the
 * browser's microphone is the caller's voice, and the app sees an ordinary PSTN call from EmulatorPhoneFrom.
 */
export const PHONE_FROM_PARAM = 'EmulatorPhoneFrom';
export const PHONE_TO_PARAM = 'EmulatorPhoneTo';
const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/);

function errorOf(error: unknown): SignalError {
  if (error instanceof TwilioApiError) return { code: error.code, message: error.message };
  return { code: 31000, message: error instanceof Error ? error.message : String(error) };
}

interface SessionCall {
  callSid: string;
  /** The browser's temporary id (TJS…) until the answer names the real CallSid. */
  clientSid: string | null;
  incoming: boolean;
  leg: RtcLeg | null;
  /** Hung up by this browser: no server-side hangup is echoed back. */
  endedHere: boolean;
  answered: boolean;
}

export interface SignalServerOptions {
  stunUrl: string;
}

/** One browser's websocket: its token, identity, calls and registration. */
class SignalSession {
  token: VerifiedToken | null = null;
  rawToken = '';
  registered = false;
  readonly calls = new Map<string, SessionCall>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    private readonly server: SignalServer,
    private readonly socket: WebSocket,
  ) {
    this.heartbeat = setInterval(() => this.socket.send('\n'), server.engine.options.signalHeartbeatMs);
    socket.on('message', (data, isBinary) => {
      const text = isBinary
        ? ''
        : (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Uint8Array)).toString('utf8');
      if (text.trim() === '') return;
      void this.handle(text).catch((error: unknown) => this.send('error', { error: errorOf(error) }));
    });
    socket.on('close', () => this.closed());
    socket.on('error', () => socket.terminate());
  }

  send(type: string, payload: Record<string, unknown>): void {
    if (this.socket.readyState === this.socket.OPEN)
      this.socket.send(JSON.stringify({ type, version: SIGNAL_PROTOCOL_VERSION, payload }));
  }

  get identity(): string | null {
    return this.token?.grants.identity ?? null;
  }

  findCall(sid: string): SessionCall | undefined {
    return this.calls.get(sid) ?? [...this.calls.values()].find((c) => c.clientSid === sid);
  }

  private async handle(text: string): Promise<void> {
    const message = messageSchema.safeParse(JSON.parse(text));
    if (!message.success) return;
    const { type, payload } = message.data;
    const engine = this.server.engine;
    switch (type) {
      case 'listen': {
        const { token } = listenSchema.parse(payload);
        try {
          this.token = verifyAccessToken(engine, token);
          this.rawToken = token;
        } catch (error) {
          this.send('error', { error: errorOf(error) });
          return;
        }
        const ttl = Math.max(0, Math.floor(this.token.exp - Date.now() / 1000));
        this.send('connected', {
          region: 'gll',
          edge: 'roaming',
          home: 'gll',
          token: { identity: this.token.grants.identity, ttl },
        });
        return;
      }
      case 'register': {
        if (!this.token || !this.identity)
          return this.send('error', { error: { code: 20101, message: 'Invalid Access Token: listen first' } });
        try {
          registerClient(engine, this.identity, this.rawToken, false);
        } catch (error) {
          return this.send('error', { error: errorOf(error) });
        }
        this.registered = true;
        this.server.register(this.identity, this);
        this.send('ready', {});
        return;
      }
      case 'invite':
        return this.invite(inviteSchema.parse(payload));
      case 'answer':
        return this.acceptIncoming(answerSchema.parse(payload));
      case 'reject': {
        const entry = this.findCall(callSidSchema.parse(payload).callsid);
        if (!entry) return;
        entry.endedHere = true;
        engine.pendingAnswers.get(entry.callSid)?.('reject');
        return;
      }
      case 'hangup': {
        const entry = this.findCall(callSidSchema.parse(payload).callsid);
        if (!entry) return;
        entry.endedHere = true;
        const call = engine.store.calls.get(entry.callSid);
        if (!call) return;
        if (entry.incoming && !entry.answered) engine.pendingAnswers.get(call.sid)?.('reject');
        else hangUpViaApi(engine, call, 'completed');
        return;
      }
      case 'dtmf': {
        const { callsid, dtmf } = dtmfSchema.parse(payload);
        const entry = this.findCall(callsid);
        const call = entry && engine.store.calls.get(entry.callSid);
        if (call && !TERMINAL_CALL_STATUSES.has(call.status)) pressDigits(engine, call, dtmf);
        return;
      }
      case 'reinvite': {
        const { callsid, sdp } = answerSchema.parse(payload);
        const entry = this.findCall(callsid);
        if (!entry?.leg) return;
        this.send('answer', { callsid: entry.callSid, sdp: await entry.leg.answerOffer(sdp) });
        return;
      }
      default:
        return;
    }
  }

  /** device.connect(): the TwiML App's Voice URL is requested as for the control API's connect, then media. */
  private async invite(invite: z.output<typeof inviteSchema>): Promise<void> {
    const engine = this.server.engine;
    if (invite.reconnect !== undefined) {
      this.send('hangup', {
        callsid: invite.callsid,
        error: { code: 31005, message: 'The emulator does not resume calls after a signalling reconnect' },
      });
      return;
    }
    if (!this.token || !this.identity) {
      this.send('hangup', {
        callsid: invite.callsid,
        error: { code: 20101, message: 'Invalid Access Token: listen first' },
      });
      return;
    }
    let call: CallRecord;
    try {
      const params = Object.fromEntries(new URLSearchParams(invite.twilio.params ?? ''));
      if (params[PHONE_FROM_PARAM] !== undefined || params[PHONE_TO_PARAM] !== undefined) {
        verifyAccessToken(engine, this.rawToken);
        const from = e164.safeParse(params[PHONE_FROM_PARAM]);
        const to = e164.safeParse(params[PHONE_TO_PARAM]);
        if (!from.success || !to.success)
          throw new TwilioApiError(400, 21211, `${PHONE_FROM_PARAM} and ${PHONE_TO_PARAM} must be E.164 numbers`);
        call = ringNumber(engine, from.data, to.data);
      } else call = connectClient(engine, this.identity, this.rawToken, params);
    } catch (error) {
      this.send('hangup', { callsid: invite.callsid, error: errorOf(error) });
      return;
    }
    const entry: SessionCall = {
      callSid: call.sid,
      clientSid: invite.callsid,
      incoming: false,
      leg: null,
      endedHere: false,
      answered: true,
    };
    this.calls.set(call.sid, entry);
    this.server.watch(call.sid, this);
    try {
      const { leg, sdp } = await RtcLeg.answer(invite.sdp, { stunUrl: this.server.options.stunUrl });
      entry.leg = leg;
      if (TERMINAL_CALL_STATUSES.has(call.status)) {
        await leg.close();
        return;
      }
      this.server.audio.attachLeg(call.sid, leg);
      leg.onGone = () => hangUpViaApi(engine, call, 'completed');
      this.send('answer', { callsid: call.sid, sdp });
      this.watchMedia(entry, call);
    } catch (error) {
      entry.endedHere = true;
      hangUpViaApi(engine, call, 'completed');
      this.send('hangup', {
        callsid: invite.callsid,
        error: { code: 31003, message: `Media connection failed: ${errorOf(error).message}` },
      });
    }
  }

  /** A call to client:<identity> rings this registered browser: an invite with the emulator's offer. */
  async ring(call: CallRecord): Promise<void> {
    const entry: SessionCall = {
      callSid: call.sid,
      clientSid: null,
      incoming: true,
      leg: null,
      endedHere: false,
      answered: false,
    };
    this.calls.set(call.sid, entry);
    this.server.watch(call.sid, this);
    const { leg, sdp } = await RtcLeg.offer({ stunUrl: this.server.options.stunUrl });
    entry.leg = leg;
    if (TERMINAL_CALL_STATUSES.has(call.status)) {
      await leg.close();
      return;
    }
    const parameters = {
      CallSid: call.sid,
      From: call.from,
      To: call.to,
      AccountSid: this.server.engine.options.accountSid,
    };
    this.send('invite', { callsid: call.sid, sdp, parameters, reconnect: undefined });
  }

  private async acceptIncoming(answer: z.output<typeof answerSchema>): Promise<void> {
    const entry = this.findCall(answer.callsid);
    const engine = this.server.engine;
    const resolve = entry && engine.pendingAnswers.get(entry.callSid);
    if (!entry?.leg || !resolve) return;
    await entry.leg.accept(answer.sdp);
    entry.answered = true;
    this.server.audio.attachLeg(entry.callSid, entry.leg);
    const call = engine.store.calls.get(entry.callSid);
    entry.leg.onGone = () => {
      if (call) hangUpViaApi(engine, call, 'completed');
    };
    resolve('accept');
    if (call) this.watchMedia(entry, call);
  }

  /** Media that never comes up would leave the person in silence: Twilio ends such a call with 53405. */
  private watchMedia(entry: SessionCall, call: CallRecord): void {
    const timer = setTimeout(() => {
      if (
        entry.leg?.connectionState === 'connected' ||
        TERMINAL_CALL_STATUSES.has(call.status) ||
        !this.calls.has(call.sid)
      )
        return;
      entry.endedHere = true;
      this.send('hangup', { callsid: call.sid, error: { code: 53405, message: 'Media connection failed' } });
      hangUpViaApi(this.server.engine, call, 'completed');
    }, this.server.engine.options.mediaConnectTimeoutMs);
    timer.unref();
  }

  /** The emulator ended (or a reset forgot) one of this browser's calls. */
  callEnded(callSid: string): void {
    const entry = this.calls.get(callSid);
    if (!entry) return;
    this.calls.delete(callSid);
    void entry.leg?.close();
    if (entry.endedHere) return;
    if (entry.incoming && !entry.answered) this.send('cancel', { callsid: callSid });
    else this.send('hangup', { callsid: callSid });
  }

  private closed(): void {
    clearInterval(this.heartbeat);
    if (this.identity && this.registered) this.server.unregister(this.identity, this);
    const engine = this.server.engine;
    // A page that goes away without hanging up (a reload, a crash) leaves no one on its calls.
    for (const entry of [...this.calls.values()]) {
      entry.endedHere = true;
      const call = engine.store.calls.get(entry.callSid);
      if (!call) continue;
      if (entry.incoming && !entry.answered) engine.pendingAnswers.get(call.sid)?.('reject');
      else hangUpViaApi(engine, call, 'completed');
    }
    this.calls.clear();
  }

  terminate(): void {
    this.socket.terminate();
  }
}

/** The Voice SDK's signalling (VOICE-SDK.md): JSON over a websocket at /signal, on the emulator's TLS port. */
export class SignalServer {
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<SignalSession>();
  private readonly owners = new Map<string, SignalSession>();
  private readonly devices = new Map<string, Set<SignalSession>>();

  constructor(
    readonly engine: Engine,
    readonly audio: AudioEngine,
    readonly options: SignalServerOptions,
  ) {
    engine.hooks.callStatus.add((call) => {
      if (!TERMINAL_CALL_STATUSES.has(call.status)) return;
      const owner = this.owners.get(call.sid);
      this.owners.delete(call.sid);
      owner?.callEnded(call.sid);
    });
    engine.hooks.clientRinging.add((call, identity) => {
      const device = [...(this.devices.get(identity) ?? [])].at(-1);
      if (device) void device.ring(call).catch(() => engine.pendingAnswers.get(call.sid)?.('reject'));
    });
  }

  /** Serves upgrades to /signal from these servers. */
  attach(...servers: Array<HttpServer | HttpsServer>): void {
    for (const server of servers) {
      server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (new URL(request.url ?? '/', 'https://emulator.local').pathname !== SIGNAL_PATH) {
          socket.destroy();
          return;
        }
        this.wss.handleUpgrade(request, socket, head, (ws) => {
          const session = new SignalSession(this, ws);
          this.sessions.add(session);
          ws.on('close', () => this.sessions.delete(session));
        });
      });
    }
  }

  watch(callSid: string, session: SignalSession): void {
    this.owners.set(callSid, session);
    this.audio.onDropped(callSid, () => {
      // A reset forgets calls without ending them: the browser still has to be told.
      if (!this.engine.store.calls.has(callSid) && this.owners.get(callSid) === session) {
        this.owners.delete(callSid);
        session.callEnded(callSid);
      }
    });
  }

  register(identity: string, session: SignalSession): void {
    const set = this.devices.get(identity) ?? new Set();
    set.add(session);
    this.devices.set(identity, set);
  }

  unregister(identity: string, session: SignalSession): void {
    const set = this.devices.get(identity);
    set?.delete(session);
    if (set?.size === 0) {
      this.devices.delete(identity);
      this.engine.store.clients.delete(identity);
    }
  }

  close(): void {
    for (const session of this.sessions) session.terminate();
    this.sessions.clear();
    this.wss.close();
  }
}
