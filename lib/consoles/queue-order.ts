import type { QueueLane } from '@/lib/db/schema';

/** What decides a waiting caller's place: the consoles' list and the position cue a caller hears both use it. */
export interface QueueEntry {
  contestWinner?: boolean;
  lane: QueueLane;
  /** When they were queued (again, after a requeue), in milliseconds. */
  since: number;
}

const LANE_RANK: Readonly<Record<QueueLane, number>> = { front: 0, normal: 1, back: 2 };

/** A contest winner first, then regulars, then everyone else, then the back lane; within each, longest waiting. */
export function compareQueue(a: QueueEntry, b: QueueEntry): number {
  return (
    Number(Boolean(b.contestWinner)) - Number(Boolean(a.contestWinner)) ||
    LANE_RANK[a.lane] - LANE_RANK[b.lane] ||
    a.since - b.since
  );
}

/** A waiting board card's place in the queue. */
export function queueEntry(card: {
  contestWinner?: boolean;
  lane: QueueLane;
  times: { queuedAt: string | null; createdAt: string };
}): QueueEntry {
  return {
    contestWinner: card.contestWinner,
    lane: card.lane,
    since: Date.parse(card.times.queuedAt ?? card.times.createdAt),
  };
}

/** This episode's pick-ups so far: how many callers screeners took, since when, and the latest. */
export interface PickupPace {
  pickups: number;
  firstQueuedAt: number | null;
  lastPickupAt: number | null;
}

/**
 * Seconds between pick-ups at this episode's actual pace: the time from the first caller queued to the latest
 * pick-up, shared among the pick-ups. Null until a screener has picked someone up.
 */
export function secondsPerPickup(pace: PickupPace): number | null {
  if (pace.pickups <= 0 || pace.firstQueuedAt === null || pace.lastPickupAt === null) return null;
  return Math.max(0, (pace.lastPickupAt - pace.firstQueuedAt) / 1000 / pace.pickups);
}

/** The wait of the caller at `position` (1 = next to be picked up), in whole seconds; null without a pace yet. */
export function estimatedWaitSeconds(position: number, perPickup: number | null): number | null {
  return perPickup === null ? null : Math.round(position * perPickup);
}
