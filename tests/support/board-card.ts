import type { BoardCard } from '@/lib/calls/board';

/** A waiting caller's board card, for tests of what the consoles do with the board. */
export function boardCard(overrides: Partial<BoardCard> & Pick<BoardCard, 'id'>): BoardCard {
  return {
    state: 'queued',
    version: 1,
    moving: false,
    pendingCommand: null,
    attention: null,
    room: null,
    confirmedRoom: null,
    muted: false,
    fromNumber: '+14155550100',
    arrival: 1,
    deckPosition: null,
    screener: null,
    card: { name: null, location: null, topic: null, comment: null, priority: 'normal' },
    caller: null,
    times: {
      createdAt: '2025-01-01T00:00:00.000Z',
      queuedAt: null,
      screeningAt: null,
      readyAt: null,
      onAirAt: null,
      endedAt: null,
    },
    endReason: null,
    lane: 'normal',
    ...overrides,
  };
}
