import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const passes = vi.hoisted(() => ({ started: [] as string[], release: null as (() => void) | null }));

vi.mock('@/lib/db/waiting', () => ({
  listCueCandidates: async (episodeId: string) => {
    passes.started.push(episodeId);
    await new Promise<void>((resolve) => {
      passes.release = resolve;
    });
    return [];
  },
  episodePickupPace: () => Promise.resolve({ pickups: 0, firstQueuedAt: null, lastPickupAt: null }),
  claimCues: () => Promise.resolve(new Set<string>()),
}));

const { requestCues } = await import('./cues');

beforeEach(() => {
  vi.useFakeTimers();
  passes.started.length = 0;
});
afterEach(() => {
  passes.release?.();
  vi.useRealTimers();
});

describe('when cue passes run', () => {
  it('turns a burst of commits into one pass, and requests during a pass into one more, no sooner than 2 s later', async () => {
    for (let i = 0; i < 500; i++) requestCues('episode-burst');
    expect(passes.started).toEqual([]);
    await vi.advanceTimersByTimeAsync(250);
    expect(passes.started).toEqual(['episode-burst']);
    // Commits while the pass runs: one more pass, after the pass ends and the gap has passed.
    for (let i = 0; i < 50; i++) requestCues('episode-burst');
    passes.release?.();
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes.started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(passes.started).toEqual(['episode-burst', 'episode-burst']);
    passes.release?.();
    await vi.advanceTimersByTimeAsync(5000);
    expect(passes.started).toHaveLength(2);
  });

  it('keeps episodes apart and ignores a commit outside any episode', async () => {
    requestCues('episode-a');
    requestCues('episode-b');
    requestCues(null);
    await vi.advanceTimersByTimeAsync(250);
    expect(passes.started.sort()).toEqual(['episode-a', 'episode-b']);
  });
});
