'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { INITIAL_AUDIO } from '@/lib/audio/audio-state';
import { ConsoleAudio, fetchVoiceToken, type AudioBackend } from '@/lib/audio/console-audio';

export interface AudioConfig {
  rehearsal: boolean;
  emulatorUrl: string;
}

/**
 * The console's headset: one ConsoleAudio for the page's life, torn down when the person leaves. (With Twilio,
 * the SDK's closeProtection asks before a tab with a live headset closes.)
 */
export function useConsoleAudio(config: AudioConfig) {
  const [audio] = useState(() => {
    const backend: AudioBackend = config.rehearsal ? { kind: 'emulator', emulatorUrl: config.emulatorUrl } : { kind: 'twilio' };
    return new ConsoleAudio({ backend, fetchToken: fetchVoiceToken });
  });
  const snapshot = useSyncExternalStore(audio.subscribe, audio.getSnapshot, () => INITIAL_AUDIO);
  useEffect(() => () => audio.destroy(), [audio]);
  return { audio, snapshot };
}
