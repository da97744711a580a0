'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { INITIAL_AUDIO } from '@/lib/audio/audio-state';
import { ConsoleAudio, fetchVoicePass } from '@/lib/audio/console-audio';

/**
 * The console's headset: one ConsoleAudio (the Voice SDK's Device, live and in rehearsal alike) for the page's
 * life, torn down when the person leaves. The SDK's closeProtection asks before a tab with a live headset closes.
 */
export function useConsoleAudio() {
  const [audio] = useState(() => new ConsoleAudio({ fetchPass: fetchVoicePass }));
  const snapshot = useSyncExternalStore(audio.subscribe, audio.getSnapshot, () => INITIAL_AUDIO);
  useEffect(() => () => audio.destroy(), [audio]);
  return { audio, snapshot };
}
