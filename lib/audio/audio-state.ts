export type AudioStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'error';

export interface AudioChoice {
  id: string;
  label: string;
}

/** What a console shows about its headset line; the same live and in rehearsal. */
export interface AudioSnapshot {
  status: AudioStatus;
  /** The status in words a person understands, including what to do about a problem. */
  message: string;
  muted: boolean;
  inputs: AudioChoice[];
  outputs: AudioChoice[];
  inputId: string | null;
  outputId: string | null;
  /** Browsers without setSinkId (Firefox, Safari) play on the system's default output only. */
  outputSelectable: boolean;
  callSid: string | null;
  /** The headset check is opening the microphone and listing devices. */
  checking: boolean;
  /** The microphone was opened once (so devices have names and the level meter moves). */
  checked: boolean;
  /** The episode whose live room the headset joined; null for a screening room or when not connected. */
  liveEpisodeId: string | null;
}

export const INITIAL_AUDIO: AudioSnapshot = {
  status: 'idle',
  message: 'Not connected. Put on headphones, then connect your headset.',
  muted: false,
  inputs: [],
  outputs: [],
  inputId: null,
  outputId: null,
  outputSelectable: false,
  callSid: null,
  checking: false,
  checked: false,
  liveEpisodeId: null,
};

const STATUS_WORDS: Record<AudioStatus, string> = {
  idle: INITIAL_AUDIO.message,
  connecting: 'Connecting your headset…',
  connected: 'Connected. You are in your room for the whole show.',
  reconnecting: 'The network dropped; reconnecting your headset…',
  disconnected: 'Your headset line has ended. Connect again to hear callers.',
  error: 'The headset could not connect.',
};

export function statusWords(status: AudioStatus): string {
  return STATUS_WORDS[status];
}

/** Browsers open the microphone only on a secure page (https, or this computer's own address); elsewhere they hide it. */
export function insecurePageMessage(port: string): string {
  return (
    'The browser allows the microphone only on a secure page, and this one is plain http at a network address. ' +
    `Open this page over HTTPS, or at http://localhost${port ? `:${port}` : ''} on the computer running Switchboard.`
  );
}

/** Twilio Voice SDK error codes (the same from the rehearsal emulator), in words a screener or host can act on. */
export function describeAudioError(error: { code?: number; message?: string } | null | undefined): string {
  const code = error?.code;
  if (
    code === 31401 ||
    code === 31208 ||
    code === 31402 ||
    /NotAllowedError|Permission denied/i.test(error?.message ?? '')
  )
    return 'The browser is not allowed to use the microphone. Allow microphone access for this site, then connect again.';
  if (code === 31000 && /destroyed/i.test(error?.message ?? '')) return 'The headset was switched off. Connect again.';
  if (code === 20101 || code === 20104 || code === 31204 || code === 31205)
    return 'The headset pass expired or is invalid. Connect again to get a new one.';
  if (/NotFoundError|Requested device not found/i.test(error?.message ?? ''))
    return 'No microphone found. Plug in a headset, then check it again.';
  if (code === 31005 || code === 31009 || code === 53405 || code === 53000)
    return 'Lost the connection to the phone service. Check the network, then connect again.';
  if (error?.message) return `The headset reported a problem: ${error.message}`;
  return 'The headset reported a problem. Connect again.';
}
