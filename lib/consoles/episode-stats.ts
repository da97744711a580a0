import type { CallState } from '@/lib/telephony/call-session-machine';

/** One call of an episode, as the stats need it. */
export interface StatsCall {
  state: CallState;
  arrivedAt: Date;
  /** When a screener first picked the call up; null when nobody ever did. */
  firstAnsweredAt: Date | null;
  onAirAt: Date | null;
  endedAt: Date | null;
}

export interface EpisodeStats {
  calls: number;
  answered: number;
  aired: number;
  rejected: number;
  abandoned: number;
  /** Seconds from arrival until a screener answered, or until the caller gave up; null without waits. */
  averageWaitSeconds: number | null;
  longestWaitSeconds: number | null;
}

/** Calls turned away at the door never waited, so they count as calls but not in the waits. */
const TURNED_AWAY: ReadonlySet<CallState> = new Set(['blocked', 'queue_full', 'off_air']);

export function computeEpisodeStats(calls: readonly StatsCall[], now: Date = new Date()): EpisodeStats {
  const waits: number[] = [];
  let answered = 0;
  let aired = 0;
  let rejected = 0;
  let abandoned = 0;
  for (const call of calls) {
    if (call.firstAnsweredAt) answered += 1;
    if (call.onAirAt) aired += 1;
    if (call.state === 'rejected') rejected += 1;
    if (call.state === 'abandoned') abandoned += 1;
    if (TURNED_AWAY.has(call.state)) continue;
    const end = call.firstAnsweredAt ?? call.endedAt ?? now;
    waits.push(Math.max(0, (end.getTime() - call.arrivedAt.getTime()) / 1000));
  }
  const total = waits.reduce((sum, w) => sum + w, 0);
  return {
    calls: calls.length,
    answered,
    aired,
    rejected,
    abandoned,
    averageWaitSeconds: waits.length ? Math.round(total / waits.length) : null,
    longestWaitSeconds: waits.length ? Math.round(Math.max(...waits)) : null,
  };
}
