import type { Actor } from '@/lib/auth/actor';
import { issueVoiceToken } from '@/lib/calls/voice-token';
import type { emulatorControl } from './emulator-control-client';

/** The simulated phones and browsers the harnesses drive: ring, hang up, connect a staff browser. */
export function simulatedParties(control: ReturnType<typeof emulatorControl>) {
  return {
    ring: async (from: string, to: string) =>
      (await control<{ sid: string }>('POST', '/_emulator/calls', { from, to })).sid,
    hangUp: async (callSid: string) => {
      await control('POST', `/_emulator/calls/${callSid}/hangup`);
    },
    connectBrowser: async (actor: Actor, params: Record<string, string> = {}) => {
      const { token, identity } = await issueVoiceToken(actor);
      return (await control<{ sid: string }>('POST', `/_emulator/clients/${identity}/connect`, { token, params })).sid;
    },
  };
}
