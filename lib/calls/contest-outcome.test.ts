import { describe, expect, it } from 'vitest';
import { contestOutcome } from './contest-outcome';

const open = { contestOpen: true, contestTarget: 10, contestStartArrival: 5 };

describe('contest outcome of an arrival', () => {
  it('makes the Nth arrival after the contest opened the winner', () => {
    expect(contestOutcome({ ...open, seq: 15 })).toBe('winner');
  });

  it('releases every other arrival while the contest runs, before and after the winner', () => {
    expect([6, 14, 16, 500].map((seq) => contestOutcome({ ...open, seq }))).toEqual(['released', 'released', 'released', 'released']);
  });

  it('leaves arrivals alone when no contest runs', () => {
    expect(contestOutcome({ ...open, contestOpen: false, seq: 15 })).toBe('no_contest');
    expect(contestOutcome({ contestOpen: true, contestTarget: null, contestStartArrival: null, seq: 1 })).toBe('no_contest');
  });
});
