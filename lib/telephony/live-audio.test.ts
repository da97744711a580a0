import { describe, expect, it } from 'vitest';
import { desiredLiveAudio } from './live-audio';

describe('live room audio', () => {
  it('lets on-air callers talk with the host, muted only when the host muted them', () => {
    expect(desiredLiveAudio({ state: 'on_air', muted: false }, 'show', true)).toEqual({ muted: false, hold: false });
    expect(desiredLiveAudio({ state: 'on_air', muted: true }, 'hold', true)).toEqual({ muted: true, hold: false });
  });

  it('keeps deck callers muted, hearing the show or hold music per show setting', () => {
    expect(desiredLiveAudio({ state: 'ready', muted: true }, 'show', true)).toEqual({ muted: true, hold: false });
    expect(desiredLiveAudio({ state: 'ready', muted: true }, 'hold', true)).toEqual({ muted: true, hold: true });
  });

  it('holds everyone while no host is in the room, so nobody hears silence', () => {
    for (const deckAudio of ['show', 'hold'] as const) {
      expect(desiredLiveAudio({ state: 'ready', muted: true }, deckAudio, false).hold).toBe(true);
      expect(desiredLiveAudio({ state: 'on_air', muted: false }, deckAudio, false)).toEqual({
        muted: false,
        hold: true,
      });
    }
  });
});
