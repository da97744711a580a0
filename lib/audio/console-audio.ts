import { describeAudioError, INITIAL_AUDIO, statusWords, type AudioSnapshot } from './audio-state';
import { createEmulatorDevice, createTwilioDevice, type PhoneCall, type PhoneDevice } from './phone-device';

export type AudioBackend = { kind: 'twilio' } | { kind: 'emulator'; emulatorUrl: string };

/** Which room the headset joins: the screener's own screening room, or an episode's live room. */
export type AudioRoom = { room: 'screen' } | { room: 'live'; episodeId: string };

export interface ConsoleAudioOptions {
  backend: AudioBackend;
  fetchToken: () => Promise<string>;
  /** For tests: builds the device instead of the SDK or the emulator adapter. */
  createDevice?: (token: string) => Promise<PhoneDevice>;
}

/**
 * One headset line for a console, the same whether Twilio or the emulator carries it: connect once per shift,
 * keep the token fresh, choose microphone and output, mute, and report every state in words.
 */
export class ConsoleAudio {
  private snapshot: AudioSnapshot = INITIAL_AUDIO;
  private readonly listeners = new Set<() => void>();
  private device: PhoneDevice | null = null;
  private call: PhoneCall | null = null;

  constructor(private readonly options: ConsoleAudioOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = (): AudioSnapshot => this.snapshot;

  get isLive(): boolean {
    return this.snapshot.status === 'connected' || this.snapshot.status === 'reconnecting' || this.snapshot.status === 'connecting';
  }

  async connect(room: AudioRoom): Promise<void> {
    if (this.isLive) return;
    this.set({ status: 'connecting', message: statusWords('connecting'), muted: false, liveEpisodeId: room.room === 'live' ? room.episodeId : null });
    try {
      const token = await this.options.fetchToken();
      const device = this.device ?? (await this.buildDevice(token));
      this.device = device;
      const params: Record<string, string> = room.room === 'live' ? { room: 'live', episodeId: room.episodeId } : { room: 'screen' };
      const call = await device.connect(params);
      this.call = call;
      call.on('accept', () => this.set({ status: 'connected', message: statusWords('connected'), callSid: call.parameters.CallSid ?? null, ...this.choices() }));
      call.on('reconnecting', () => this.set({ status: 'reconnecting', message: statusWords('reconnecting') }));
      call.on('reconnected', () => this.set({ status: 'connected', message: statusWords('connected') }));
      const ended = () => {
        if (this.call !== call) return;
        this.call = null;
        this.set({ status: 'disconnected', message: statusWords('disconnected'), muted: false, callSid: null, liveEpisodeId: null });
      };
      call.on('disconnect', ended);
      call.on('cancel', ended);
      call.on('error', (error) => this.set({ status: 'error', message: describeAudioError(error) }));
    } catch (error) {
      this.call = null;
      this.set({ status: 'error', message: describeAudioError(error as { code?: number; message?: string }) });
    }
  }

  disconnect(): void {
    const call = this.call;
    this.call = null;
    call?.disconnect();
    this.set({ status: 'idle', message: statusWords('idle'), muted: false, callSid: null, liveEpisodeId: null });
  }

  setMuted(muted: boolean): void {
    if (!this.call) return;
    this.call.mute(muted);
    this.set({ muted });
  }

  async setInput(id: string): Promise<void> {
    await this.device?.setInput(id);
    this.set({ inputId: id });
  }

  async setOutput(id: string): Promise<void> {
    await this.device?.setOutput(id);
    this.set({ outputId: id });
  }

  destroy(): void {
    this.call?.disconnect();
    this.call = null;
    this.device?.destroy();
    this.device = null;
    this.listeners.clear();
  }

  private async buildDevice(token: string): Promise<PhoneDevice> {
    const { backend, createDevice } = this.options;
    const device = createDevice
      ? await createDevice(token)
      : backend.kind === 'emulator'
        ? await createEmulatorDevice(token, backend.emulatorUrl)
        : await createTwilioDevice(token);
    device.onTokenWillExpire(() => {
      this.options.fetchToken().then(
        (fresh) => device.updateToken(fresh),
        () => this.set({ message: 'Could not renew the headset pass; the line may drop. Check the network.' }),
      );
    });
    device.onError((error) => {
      // Device-level errors while a call is up are usually transient; the call's own events say if it ended.
      if (!this.call) this.set({ status: 'error', message: describeAudioError(error) });
    });
    return device;
  }

  private choices(): Pick<AudioSnapshot, 'inputs' | 'outputs' | 'outputSelectable' | 'inputId' | 'outputId'> {
    const device = this.device;
    if (!device) return { inputs: [], outputs: [], outputSelectable: false, inputId: null, outputId: null };
    const inputs = device.listInputs();
    const outputs = device.listOutputs();
    return {
      inputs,
      outputs,
      outputSelectable: device.outputSelectable(),
      inputId: this.snapshot.inputId ?? inputs[0]?.id ?? null,
      outputId: this.snapshot.outputId ?? outputs[0]?.id ?? null,
    };
  }

  private set(changes: Partial<AudioSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }
}

/** Fetches a Voice access token from the app for the signed-in person. */
export async function fetchVoiceToken(): Promise<string> {
  const response = await fetch('/api/voice-token', { method: 'POST', credentials: 'same-origin' });
  const body = (await response.json().catch(() => ({}))) as { token?: string; error?: { message?: string } };
  if (!response.ok || !body.token) throw { code: response.status, message: body.error?.message ?? 'The server did not give a headset pass.' };
  return body.token;
}
