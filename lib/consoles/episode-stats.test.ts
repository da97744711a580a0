import { describe, expect, it } from 'vitest';
import { computeEpisodeStats, type StatsCall } from './episode-stats';

const t = (s: number) => new Date(Date.UTC(2025, 0, 1, 12, 0, s));
const call = (over: Partial<StatsCall>): StatsCall => ({
  state: 'completed',
  arrivedAt: t(0),
  firstAnsweredAt: null,
  onAirAt: null,
  endedAt: null,
  ...over,
});

describe('computeEpisodeStats', () => {
  it('counts calls, answered, aired, rejected and abandoned', () => {
    const stats = computeEpisodeStats([
      call({ state: 'completed', firstAnsweredAt: t(10), onAirAt: t(40), endedAt: t(100) }),
      call({ state: 'rejected', firstAnsweredAt: t(30), endedAt: t(50) }),
      call({ state: 'abandoned', endedAt: t(50) }),
      call({ state: 'blocked', endedAt: t(0) }),
    ]);
    expect(stats).toEqual({
      calls: 4,
      answered: 2,
      aired: 1,
      rejected: 1,
      abandoned: 1,
      averageWaitSeconds: 30,
      longestWaitSeconds: 50,
    });
  });

  it('counts a caller still waiting up to now, and has no waits without calls', () => {
    expect(computeEpisodeStats([call({ state: 'queued' })], t(90)).longestWaitSeconds).toBe(90);
    expect(computeEpisodeStats([])).toEqual({
      calls: 0,
      answered: 0,
      aired: 0,
      rejected: 0,
      abandoned: 0,
      averageWaitSeconds: null,
      longestWaitSeconds: null,
    });
  });
});
