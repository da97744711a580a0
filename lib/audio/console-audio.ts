import { describeAudioError, INITIAL_AUDIO, insecurePageMessage, statusWords, type AudioSnapshot } from './audio-state';
import type { DeviceSettings } from './device-options';
import { createTwilioDevice, type PhoneCall, type PhoneDevice } from './phone-device';

export const MOVED_TO_NEW_EPISODE =
  'A new episode started: your headset moved to its live studio by itself. You are connected.';

/** Which room the headset joins: the screener's own screening room, or an episode's live room. */
export type AudioRoom = { room: 'screen' } | { room: 'live'; episodeId: string };

/** What /api/voice-token answers: the access token and the Device settings (lib/audio/device-options.ts). */
export interface VoicePass {
  token: string;
  settings: DeviceSettings;
}

export interface ConsoleAudioOptions {
  fetchPass: () => Promise<VoicePass>;
  /** For tests: builds the device instead of the Voice SDK. */
  createDevice?: (token: string, settings: DeviceSettings) => Promise<PhoneDevice>;
}

export interface AudioLevels {
  /** The microphone, 0..1. */
  input: number;
  /** What the person hears, 0..1; null before a call carries sound. */
  output: number | null;
}

/**
 * One headset line for a console, the same code whether Twilio or the rehearsal emulator carries it: check the
 * headset (microphone, output, level), connect once per shift, keep the token fresh, mute, and report every state
 * in words.
 */
export class ConsoleAudio {
  private snapshot: AudioSnapshot = INITIAL_AUDIO;
  private readonly listeners = new Set<() => void>();
  private readonly levelListeners = new Set<(levels: AudioLevels) => void>();
  private device: PhoneDevice | null = null;
  private building: Promise<PhoneDevice> | null = null;
  private call: PhoneCall | null = null;

  constructor(private readonly options: ConsoleAudioOptions) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getSnapshot = (): AudioSnapshot => this.snapshot;

  /** Levels arrive about 20 times a second; kept out of the snapshot so the console does not re-render for them. */
  onLevels(listener: (levels: AudioLevels) => void): () => void {
    this.levelListeners.add(listener);
    return () => void this.levelListeners.delete(listener);
  }

  get isLive(): boolean {
    return (
      this.snapshot.status === 'connected' ||
      this.snapshot.status === 'reconnecting' ||
      this.snapshot.status === 'connecting'
    );
  }

  /** Before the first connect: opens the microphone for the meter and lists the real devices. */
  async check(): Promise<void> {
    if (this.snapshot.checking) return;
    if (this.refuseInsecurePage()) return;
    this.set({ checking: true });
    try {
      const device = await this.ensureDevice();
      await device.setInput(this.snapshot.inputId ?? 'default');
      this.set({ ...this.choices(), checked: true, checking: false });
    } catch (error) {
      this.set({
        status: 'error',
        checking: false,
        message: describeAudioError(error as { code?: number; message?: string }),
      });
    }
  }

  /** Plays a short sound on the chosen output: heard in the headphones and not in the room means ready. */
  async testOutput(): Promise<void> {
    try {
      await (await this.ensureDevice()).testOutput();
    } catch (error) {
      this.set({ message: describeAudioError(error as { code?: number; message?: string }) });
    }
  }

  async connect(room: AudioRoom): Promise<void> {
    if (this.isLive) return;
    if (this.refuseInsecurePage()) return;
    await this.open(room, { muted: false, connectedMessage: statusWords('connected') });
  }

  /**
   * The console's current live room. A headset still in an earlier episode's live room (the show ended and the
   * lines were opened again) hears no one there: it moves itself, keeping the microphone muted if it was.
   */
  async follow(room: AudioRoom | null): Promise<void> {
    const current = this.snapshot.liveEpisodeId;
    if (!this.isLive || !current || room?.room !== 'live' || room.episodeId === current) return;
    const muted = this.snapshot.muted;
    const old = this.call;
    this.call = null;
    old?.disconnect();
    await this.open(room, { muted, connectedMessage: MOVED_TO_NEW_EPISODE });
  }

  private async open(room: AudioRoom, after: { muted: boolean; connectedMessage: string }): Promise<void> {
    this.set({
      status: 'connecting',
      message: statusWords('connecting'),
      muted: after.muted,
      liveEpisodeId: room.room === 'live' ? room.episodeId : null,
    });
    try {
      const device = await this.ensureDevice();
      const params: Record<string, string> =
        room.room === 'live' ? { room: 'live', episodeId: room.episodeId } : { room: 'screen' };
      const call = await device.connect(params);
      this.call = call;
      call.on('accept', () => {
        if (this.call !== call) return;
        if (this.snapshot.muted) call.mute(true);
        this.set({
          status: 'connected',
          message: after.connectedMessage,
          callSid: call.parameters.CallSid ?? null,
          ...this.choices(),
        });
      });
      // A leg this headset has left (moved to a new episode) reports nothing more.
      call.on('volume', (input, output) => this.call === call && this.emitLevels({ input, output }));
      call.on('reconnecting', () => {
        if (this.call === call) this.set({ status: 'reconnecting', message: statusWords('reconnecting') });
      });
      call.on('reconnected', () => {
        if (this.call === call) this.set({ status: 'connected', message: statusWords('connected') });
      });
      const ended = () => {
        if (this.call !== call) return;
        this.call = null;
        this.emitLevels({ input: 0, output: null });
        this.set({
          status: 'disconnected',
          message: statusWords('disconnected'),
          muted: false,
          callSid: null,
          liveEpisodeId: null,
        });
      };
      call.on('disconnect', ended);
      call.on('cancel', ended);
      call.on('error', (error) => {
        if (this.call === call) this.set({ status: 'error', message: describeAudioError(error) });
      });
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
    this.set({ inputId: id });
    try {
      await this.device?.setInput(id);
    } catch (error) {
      this.set({ message: describeAudioError(error as { code?: number; message?: string }) });
    }
  }

  async setOutput(id: string): Promise<void> {
    this.set({ outputId: id });
    try {
      await this.device?.setOutput(id);
    } catch (error) {
      this.set({ message: describeAudioError(error as { code?: number; message?: string }) });
    }
  }

  destroy(): void {
    this.call?.disconnect();
    this.call = null;
    this.device?.destroy();
    this.device = null;
    this.building = null;
    this.listeners.clear();
    this.levelListeners.clear();
  }

  /** On a plain-http network address the browser has no microphone at all: say so instead of an SDK error. */
  private refuseInsecurePage(): boolean {
    if (typeof window === 'undefined' || window.isSecureContext) return false;
    this.set({ status: 'error', checking: false, message: insecurePageMessage(window.location.port) });
    return true;
  }

  private ensureDevice(): Promise<PhoneDevice> {
    if (this.device) return Promise.resolve(this.device);
    this.building ??= this.buildDevice().then(
      (device) => (this.device = device),
      (error: unknown) => {
        this.building = null;
        throw error;
      },
    );
    return this.building;
  }

  private async buildDevice(): Promise<PhoneDevice> {
    const { token, settings } = await this.options.fetchPass();
    const device = await (this.options.createDevice ?? createTwilioDevice)(token, settings);
    device.onTokenWillExpire(() => {
      this.options.fetchPass().then(
        (fresh) => device.updateToken(fresh.token),
        () => this.set({ message: 'Could not renew the headset pass; the line may drop. Check the network.' }),
      );
    });
    device.onError((error) => {
      // Device-level errors while a call is up are usually transient; the call's own events say if it ended.
      if (!this.call) this.set({ status: 'error', message: describeAudioError(error) });
    });
    device.onDevicesChanged(() => this.set(this.choices()));
    device.onInputLevel((input) => {
      if (!this.call) this.emitLevels({ input, output: null });
    });
    return device;
  }

  private emitLevels(levels: AudioLevels): void {
    for (const listener of this.levelListeners) listener(levels);
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
      inputId:
        this.snapshot.inputId && inputs.some((i) => i.id === this.snapshot.inputId)
          ? this.snapshot.inputId
          : (inputs[0]?.id ?? null),
      outputId:
        this.snapshot.outputId && outputs.some((o) => o.id === this.snapshot.outputId)
          ? this.snapshot.outputId
          : (outputs[0]?.id ?? null),
    };
  }

  private set(changes: Partial<AudioSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...changes };
    for (const listener of this.listeners) listener();
  }
}

/** Fetches a Voice access token and the Device settings from the app for the signed-in person. */
export async function fetchVoicePass(): Promise<VoicePass> {
  const response = await fetch('/api/voice-token', { method: 'POST', credentials: 'same-origin' });
  const body = (await response.json().catch(() => ({}))) as {
    token?: string;
    settings?: DeviceSettings;
    error?: { message?: string };
  };
  if (!response.ok || !body.token || !body.settings)
    throw Object.assign(new Error(body.error?.message ?? 'The server did not give a headset pass.'), {
      code: response.status,
    });
  return { token: body.token, settings: body.settings };
}
