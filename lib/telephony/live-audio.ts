import type { CallState } from './call-session-machine';

export type DeckAudio = 'show' | 'hold';

/**
 * What a caller in the live room should hear. Deck callers are muted (and, per show, on hold music); with no
 * host in the room everyone is held, because an empty started conference is silence and nobody should hear that.
 */
export function desiredLiveAudio(
  session: { state: CallState; muted: boolean },
  deckAudio: DeckAudio,
  hostPresent: boolean,
): { muted: boolean; hold: boolean } {
  if (session.state === 'on_air') return { muted: session.muted, hold: !hostPresent };
  return { muted: true, hold: !hostPresent || deckAudio === 'hold' };
}
