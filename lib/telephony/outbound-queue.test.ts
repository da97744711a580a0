import { describe, expect, it } from 'vitest';
import { createPacedQueue } from './outbound-queue';

describe('the outbound call queue', () => {
  it('starts jobs in order, never two within one spacing, and goes on after a job fails', async () => {
    const queue = createPacedQueue(20);
    const starts: [string, number][] = [];
    const job =
      (name: string, fail = false) =>
      async () => {
        starts.push([name, Date.now()]);
        if (fail) throw new Error(`${name} failed`);
      };
    const runs = [queue(job('a')), queue(job('b', true)), queue(job('c'))];
    await expect(runs[1]).rejects.toThrow('b failed');
    await Promise.all([runs[0], runs[2]]);
    expect(starts.map(([name]) => name)).toEqual(['a', 'b', 'c']);
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i]?.[1] ?? 0) - (starts[i - 1]?.[1] ?? 0)).toBeGreaterThanOrEqual(49);
    }
  });
});
