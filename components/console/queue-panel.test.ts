import { describe, expect, it } from 'vitest';
import type { BoardCard } from '@/lib/calls/board';
import { boardCard } from '@/tests/support/board-card';
import { waitingOrder } from './queue-panel';

function waiting(id: string, queuedAt: string, contestWinner = false): BoardCard {
  return boardCard({
    id,
    contestWinner,
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
});
