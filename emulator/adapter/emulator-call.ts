import { controlRequest, EmulatorControlError } from './control-client';
import { TinyEmitter } from './tiny-emitter';

export type EmulatorCallState = 'pending' | 'connecting' | 'ringing' | 'open' | 'closed' | 'reconnecting';

type CallEvents = {
  accept: (call: EmulatorCall) => void;
  disconnect: (call: EmulatorCall) => void;
  cancel: () => void;
  reject: () => void;
  error: (error: EmulatorControlError) => void;
  mute: (isMuted: boolean, call: EmulatorCall) => void;
  reconnecting: (error: EmulatorControlError) => void;
  reconnected: () => void;
  ringing: (hasEarlyMedia: boolean) => void;
};

interface ServerCall {
  status: string;
}

const TERMINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/** The subset of @twilio/voice-sdk's Call that the consoles use, backed by the emulator's control API. */
export class EmulatorCall extends TinyEmitter<CallEvents> {
  readonly parameters: Record<string, string>;
  readonly customParameters: Map<string, string>;
  readonly direction: 'INCOMING' | 'OUTGOING';
  private state: EmulatorCallState;
  private muted = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private failures = 0;

  constructor(
    private readonly baseUrl: string,
    readonly sid: string,
    direction: 'INCOMING' | 'OUTGOING',
    params: Record<string, string>,
    private readonly pollIntervalMs: number,
  ) {
    super();
    this.direction = direction;
    this.parameters = { ...params, CallSid: sid };
    this.customParameters = new Map(Object.entries(params));
    this.state = direction === 'OUTGOING' ? 'connecting' : 'pending';
    this.schedule();
  }

  status(): EmulatorCallState {
    return this.state;
  }

  isMuted(): boolean {
    return this.muted;
  }

  mute(shouldMute = true): void {
    if (this.state === 'closed' || shouldMute === this.muted) return;
    this.muted = shouldMute;
    this.emit('mute', shouldMute, this);
    this.send('POST', `/calls/${this.sid}/mute`, { muted: shouldMute });
  }

  accept(): void {
    if (this.direction !== 'INCOMING' || this.state !== 'pending') return;
    this.state = 'connecting';
    this.send('POST', `/calls/${this.sid}/accept`, {});
  }

  reject(): void {
    if (this.direction !== 'INCOMING' || this.state !== 'pending') return;
    this.close('reject');
    this.send('POST', `/calls/${this.sid}/reject`, {});
  }

  ignore(): void {
    if (this.state === 'pending') this.close('cancel');
  }

  sendDigits(digits: string): void {
    this.send('POST', `/calls/${this.sid}/digits`, { digits });
  }

  disconnect(): void {
    if (this.state === 'closed') return;
    this.send('POST', `/calls/${this.sid}/hangup`, {});
    this.close('disconnect');
  }

  private send(method: 'POST', path: string, body: unknown): void {
    controlRequest(this.baseUrl, method, path, body).catch((error: unknown) => {
      if (error instanceof EmulatorControlError) this.emit('error', error);
    });
  }

  private close(event: 'disconnect' | 'cancel' | 'reject'): void {
    if (this.state === 'closed') return;
    const wasOpen = this.state === 'open';
    this.state = 'closed';
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (event === 'disconnect' || wasOpen) this.emit('disconnect', this);
    else if (event === 'cancel') this.emit('cancel');
    else this.emit('reject');
  }

  private schedule(): void {
    if (this.state === 'closed') return;
    this.timer = setTimeout(() => void this.poll(), this.pollIntervalMs);
  }

  private async poll(): Promise<void> {
    try {
      const call = await controlRequest<ServerCall>(this.baseUrl, 'GET', `/calls/${this.sid}`);
      if (this.failures > 0) {
        this.failures = 0;
        if (this.state === 'reconnecting') this.state = 'open';
        this.emit('reconnected');
      }
      this.apply(call.status);
    } catch (error) {
      this.failures += 1;
      if (this.failures === 1 && this.state === 'open') {
        this.state = 'reconnecting';
        this.emit(
          'reconnecting',
          error instanceof EmulatorControlError ? error : new EmulatorControlError(53405, String(error), 0),
        );
      }
    }
    this.schedule();
  }

  private apply(status: string): void {
    if (TERMINAL.has(status)) {
      this.close(this.state === 'pending' ? 'cancel' : 'disconnect');
    } else if (status === 'in-progress' && (this.state === 'connecting' || this.state === 'ringing')) {
      this.state = 'open';
      this.emit('accept', this);
    } else if (status === 'ringing' && this.state === 'connecting' && this.direction === 'OUTGOING') {
      this.state = 'ringing';
      this.emit('ringing', false);
    }
  }
}
