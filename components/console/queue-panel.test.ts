import { describe, expect, it } from 'vitest';
import type { BoardCard } from '@/lib/calls/board';
import { boardCard } from '@/tests/support/board-card';
import { estimatedWaitLabel, waitingOrder } from './queue-panel';

function waiting(id: string, queuedAt: string, contestWinner = false, lane: BoardCard['lane'] = 'normal'): BoardCard {
  return boardCard({
    id,
    contestWinner,
    lane,
    times: { createdAt: queuedAt, queuedAt, screeningAt: null, readyAt: null, onAirAt: null, endedAt: null },
  });
}

describe('the order of waiting callers', () => {
  it('puts the longest waiting first', () => {
    const order = waitingOrder([waiting('late', '2026-01-01T10:05:00Z'), waiting('early', '2026-01-01T10:00:00Z')]);
    expect(order.map((c) => c.id)).toEqual(['early', 'late']);
  });

  it('puts a contest winner ahead of everyone, however recently they rang', () => {
    const order = waitingOrder([
      waiting('early', '2026-01-01T10:00:00Z'),
      waiting('winner', '2026-01-01T10:09:00Z', true),
      waiting('middle', '2026-01-01T10:04:00Z'),
    ]);
    expect(order.map((c) => c.id)).toEqual(['winner', 'early', 'middle']);
  });

  it('puts regulars ahead of earlier callers and sends withheld numbers in the back lane behind later ones', () => {
    const order = waitingOrder([
      waiting('withheld', '2026-01-01T10:00:00Z', false, 'back'),
      waiting('early', '2026-01-01T10:01:00Z'),
      waiting('regular', '2026-01-01T10:08:00Z', false, 'front'),
      waiting('winner', '2026-01-01T10:09:00Z', true),
      waiting('late', '2026-01-01T10:05:00Z'),
    ]);
    expect(order.map((c) => c.id)).toEqual(['winner', 'regular', 'early', 'late', 'withheld']);
  });
});

describe('the estimated wait label', () => {
  it('never gives a waiting caller a time to the second', () => {
    expect(estimatedWaitLabel(20)).toBe('under a minute');
    expect(estimatedWaitLabel(150)).toBe('about 3 min');
  });
});
