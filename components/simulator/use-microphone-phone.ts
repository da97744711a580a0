'use client';

import { useEffect, useRef } from 'react';
import { insecurePageMessage } from '@/lib/audio/audio-state';
import type { VoicePass } from '@/lib/audio/console-audio';
import { createTwilioDevice, type PhoneDevice } from '@/lib/audio/phone-device';
import { SIMULATED_PHONE_PARAMS } from '@/lib/simulator/phone-params';

/**
 * The person's own browser as a caller: the Voice SDK's Device (the consoles' code path) rings the show through
 * the emulator as a phone call from `from`; their microphone is the caller's voice and the SDK plays what the
 * caller hears. Resolves with the call's CallSid once it is answered.
 */
export function useMicrophonePhone(pass: VoicePass | null) {
  const device = useRef<PhoneDevice | null>(null);
  useEffect(() => () => device.current?.destroy(), []);
  return async function callWithMicrophone(from: string, to: string): Promise<string> {
    if (!pass) throw new Error('The simulator has no pass for a browser phone: is the emulator running?');
    if (!window.isSecureContext) throw new Error(insecurePageMessage(window.location.port));
    device.current ??= await createTwilioDevice(pass.token, pass.settings);
    const call = await device.current.connect({ [SIMULATED_PHONE_PARAMS.from]: from, [SIMULATED_PHONE_PARAMS.to]: to });
    return new Promise((resolve, reject) => {
      call.on('accept', () => resolve(call.parameters.CallSid ?? ''));
      call.on('error', (error) => reject(new Error(error.message ?? 'The call could not be made.')));
    });
  };
}
