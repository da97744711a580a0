/** What a contest makes of one arrival, decided from the counter alone (see countArrival). */
export type ContestOutcome = 'no_contest' | 'winner' | 'released';

export interface ContestCount {
  seq: number;
  contestOpen: boolean;
  contestTarget: number | null;
  contestStartArrival: number | null;
}

/**
 * The Nth arrival after the contest opened wins; everyone else who rings while it runs is released, before the
 * winner and after. Arrival numbers are unique per episode, so at most one call can ever be the Nth.
 */
export function contestOutcome(count: ContestCount): ContestOutcome {
  if (!count.contestOpen || count.contestTarget === null || count.contestStartArrival === null) return 'no_contest';
  return count.seq === count.contestStartArrival + count.contestTarget ? 'winner' : 'released';
}

// Short on purpose: nine words, about three seconds spoken, then the line is free for the next caller.
export const CONTEST_RELEASED_MESSAGE = 'Thanks! The lines are full. Try again next time.';
export const CONTEST_WINNER_GREETING = 'Congratulations, you are our contest winner! Stay on the line, a screener will be with you in a moment.';
