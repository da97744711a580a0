import type { BoardCard } from '@/lib/calls/board';

export interface CardClock {
  label: string;
  since: string | null;
}

/**
 * What a card's timer counts, per state, for every console alike: the time in the state the caller is in now
 * (on deck since they were put on deck, not since they rang). A waiting caller's wait counts from when they joined
 * the queue, as the queue's order does (lib/consoles/queue-order.ts).
 */
export function cardClock(card: Pick<BoardCard, 'state' | 'times'>): CardClock {
  const { times } = card;
  switch (card.state) {
    case 'ringing':
      return { label: 'Ringing', since: times.createdAt };
    case 'queued':
    case 'callback':
      return { label: 'Wait', since: times.queuedAt ?? times.createdAt };
    case 'screening':
      return { label: 'Screening', since: times.screeningAt };
    case 'calling_back':
      return { label: 'Calling back', since: times.screeningAt };
    case 'ready':
      return { label: 'On deck', since: times.readyAt };
    case 'on_air':
      return { label: 'On air', since: times.onAirAt };
    default:
      return { label: 'Ended', since: times.endedAt };
  }
}
