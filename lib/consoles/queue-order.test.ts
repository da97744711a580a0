import { describe, expect, it } from 'vitest';
import { estimatedWaitSeconds, secondsPerPickup } from './queue-order';

describe("the episode's pick-up pace", () => {
  const t0 = Date.UTC(2026, 0, 1, 10, 0);

  it('shares the time from the first caller queued to the latest pick-up among the pick-ups', () => {
    expect(secondsPerPickup({ pickups: 4, firstQueuedAt: t0, lastPickupAt: t0 + 8 * 60_000 })).toBe(120);
    expect(estimatedWaitSeconds(3, 120)).toBe(360);
  });

  it('has no pace, and so no estimate, before the first pick-up', () => {
    expect(secondsPerPickup({ pickups: 0, firstQueuedAt: t0, lastPickupAt: null })).toBeNull();
    expect(estimatedWaitSeconds(2, null)).toBeNull();
  });
});
