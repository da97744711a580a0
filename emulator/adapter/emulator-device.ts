import { controlRequest, EmulatorControlError } from './control-client';
import { EmulatorCall } from './emulator-call';
import { TinyEmitter } from './tiny-emitter';

export { EmulatorCall, type EmulatorCallState } from './emulator-call';
export { EmulatorControlError } from './control-client';

export type EmulatorDeviceState = 'unregistered' | 'registering' | 'registered' | 'destroyed';

export interface EmulatorDeviceOptions {
  /** The emulator's base URL, e.g. http://127.0.0.1:3030. */
  emulatorUrl: string;
  pollIntervalMs?: number;
  /** Like the SDK's tokenRefreshMs: how long before expiry 'tokenWillExpire' fires. */
  tokenRefreshMs?: number;
}

type DeviceEvents = {
  registered: () => void;
  registering: () => void;
  unregistered: () => void;
  error: (error: EmulatorControlError, call?: EmulatorCall) => void;
  incoming: (call: EmulatorCall) => void;
  tokenWillExpire: (device: EmulatorDevice) => void;
  destroyed: () => void;
};

interface TokenClaims {
  exp?: number;
  grants?: { identity?: string };
}

function decodeClaims(token: string): TokenClaims {
  const payload = token.split('.')[1] ?? '';
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as TokenClaims;
  } catch {
    return {};
  }
}

/** The subset of @twilio/voice-sdk's Device that the consoles use, backed by the emulator's control API. */
export class EmulatorDevice extends TinyEmitter<DeviceEvents> {
  private currentToken: string;
  private currentState: EmulatorDeviceState = 'unregistered';
  private readonly activeCalls = new Map<string, EmulatorCall>();
  private incomingTimer: ReturnType<typeof setTimeout> | null = null;
  private expiryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly baseUrl: string;
  private readonly pollIntervalMs: number;
  private readonly tokenRefreshMs: number;

  constructor(token: string, options: EmulatorDeviceOptions) {
    super();
    this.currentToken = token;
    this.baseUrl = options.emulatorUrl.replace(/\/$/, '');
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.tokenRefreshMs = options.tokenRefreshMs ?? 10_000;
    this.scheduleExpiryWarning();
  }

  get state(): EmulatorDeviceState {
    return this.currentState;
  }

  get token(): string {
    return this.currentToken;
  }

  get identity(): string | null {
    return decodeClaims(this.currentToken).grants?.identity ?? null;
  }

  get calls(): EmulatorCall[] {
    return [...this.activeCalls.values()].filter((call) => call.status() !== 'closed');
  }

  get isBusy(): boolean {
    return this.calls.length > 0;
  }

  async register(): Promise<void> {
    this.assertAlive();
    this.currentState = 'registering';
    this.emit('registering');
    try {
      await controlRequest(this.baseUrl, 'POST', `/clients/${encodeURIComponent(this.requireIdentity())}/register`, {
        token: this.currentToken,
        autoAnswer: false,
      });
    } catch (error) {
      this.currentState = 'unregistered';
      this.fail(error);
      throw error;
    }
    this.currentState = 'registered';
    this.emit('registered');
    this.pollIncoming();
  }

  async unregister(): Promise<void> {
    if (this.currentState !== 'registered') return;
    this.stopIncoming();
    await controlRequest(this.baseUrl, 'POST', `/clients/${encodeURIComponent(this.requireIdentity())}/unregister`, {});
    this.currentState = 'unregistered';
    this.emit('unregistered');
  }

  /** The emulated device.connect({ params }): the emulator requests the TwiML App's Voice URL. */
  async connect(options: { params?: Record<string, string> } = {}): Promise<EmulatorCall> {
    this.assertAlive();
    const params = options.params ?? {};
    let answer: { sid: string };
    try {
      answer = await controlRequest<{ sid: string }>(
        this.baseUrl,
        'POST',
        `/clients/${encodeURIComponent(this.requireIdentity())}/connect`,
        {
          token: this.currentToken,
          params,
        },
      );
    } catch (error) {
      this.fail(error);
      throw error;
    }
    return this.track(new EmulatorCall(this.baseUrl, answer.sid, 'OUTGOING', params, this.pollIntervalMs));
  }

  updateToken(token: string): void {
    this.currentToken = token;
    this.scheduleExpiryWarning();
    if (this.currentState === 'registered') {
      controlRequest(this.baseUrl, 'POST', `/clients/${encodeURIComponent(this.requireIdentity())}/register`, {
        token,
        autoAnswer: false,
      }).catch((error: unknown) => this.fail(error));
    }
  }

  disconnectAll(): void {
    for (const call of this.calls) call.disconnect();
  }

  destroy(): void {
    if (this.currentState === 'destroyed') return;
    this.disconnectAll();
    this.stopIncoming();
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const identity = this.identity;
    if (this.currentState === 'registered' && identity) {
      controlRequest(this.baseUrl, 'POST', `/clients/${encodeURIComponent(identity)}/unregister`, {}).catch(
        () => undefined,
      );
    }
    this.currentState = 'destroyed';
    this.emit('destroyed');
  }

  private track(call: EmulatorCall): EmulatorCall {
    this.activeCalls.set(call.sid, call);
    const forget = (): void => void this.activeCalls.delete(call.sid);
    call.on('disconnect', forget).on('cancel', forget).on('reject', forget);
    call.on('error', (error) => this.emit('error', error, call));
    return call;
  }

  private pollIncoming(): void {
    this.incomingTimer = setTimeout(() => {
      const identity = this.requireIdentity();
      controlRequest<{ calls: Array<{ sid: string; from: string; to: string }> }>(
        this.baseUrl,
        'GET',
        `/clients/${encodeURIComponent(identity)}/incoming`,
      )
        .then(({ calls }) => {
          for (const ringing of calls) {
            if (this.activeCalls.has(ringing.sid) || this.currentState !== 'registered') continue;
            const call = new EmulatorCall(
              this.baseUrl,
              ringing.sid,
              'INCOMING',
              { From: ringing.from, To: ringing.to },
              this.pollIntervalMs,
            );
            this.emit('incoming', this.track(call));
          }
        })
        .catch((error: unknown) => this.fail(error))
        .finally(() => {
          if (this.currentState === 'registered') this.pollIncoming();
        });
    }, this.pollIntervalMs);
  }

  private stopIncoming(): void {
    if (this.incomingTimer) clearTimeout(this.incomingTimer);
    this.incomingTimer = null;
  }

  private scheduleExpiryWarning(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer);
    const exp = decodeClaims(this.currentToken).exp;
    if (!exp) return;
    const delay = exp * 1000 - Date.now() - this.tokenRefreshMs;
    this.expiryTimer = setTimeout(() => this.emit('tokenWillExpire', this), Math.max(0, delay));
  }

  private requireIdentity(): string {
    const identity = this.identity;
    if (!identity) throw new EmulatorControlError(20101, 'Invalid Access Token: no identity grant', 401);
    return identity;
  }

  private assertAlive(): void {
    if (this.currentState === 'destroyed') throw new EmulatorControlError(31000, 'Device has been destroyed', 0);
  }

  private fail(error: unknown): void {
    const wrapped = error instanceof EmulatorControlError ? error : new EmulatorControlError(31000, String(error), 0);
    this.emit('error', wrapped);
  }
}
