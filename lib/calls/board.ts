import 'server-only';
import { AppError } from '@/lib/errors';
import { listBoardRows, type BoardRow } from '@/lib/db/call-sessions';
import { findEpisodeById } from '@/lib/db/episodes';
import type { QueueLane } from '@/lib/db/schema';
import { episodePickupPace } from '@/lib/db/waiting';
import { compareQueue, estimatedWaitSeconds, queueEntry, secondsPerPickup } from '@/lib/consoles/queue-order';
import { UNSCREENED_STATES, type CallState } from '@/lib/telephony/call-session-machine';

export interface BoardCard {
  id: string;
  state: CallState;
  version: number;
  /** Twilio has not yet confirmed the last command (the UI shows "moving"). */
  moving: boolean;
  pendingCommand: string | null;
  /** Set when Twilio refused what the state needs: a person should look. */
  attention: string | null;
  room: string | null;
  confirmedRoom: string | null;
  muted: boolean;
  fromNumber: string;
  arrival: number | null;
  deckPosition: number | null;
  screener: { id: string; name: string } | null;
  card: {
    name: string | null;
    location: string | null;
    topic: string | null;
    comment: string | null;
    priority: 'low' | 'normal' | 'high';
  };
  caller: {
    id: string;
    callCount: number;
    airedCount: number;
    lastCallAt: string | null;
    notes: string | null;
    flags: string[];
  } | null;
  times: {
    createdAt: string;
    queuedAt: string | null;
    screeningAt: string | null;
    readyAt: string | null;
    onAirAt: string | null;
    endedAt: string | null;
  };
  endReason: string | null;
  /** `front`: a trusted regular; `back`: a withheld number the show sends to the back. */
  lane: QueueLane;
  /** Waiting callers only: their wait from here at this episode's pick-up pace (null until someone is picked up). */
  estimatedWaitSeconds?: number | null;
  /** The caller who won the episode's contest ("WINNER"): screen them first. */
  contestWinner?: boolean;
}

export interface Board {
  episode: { id: string; showId: string; title: string; openedAt: string; closedAt: string | null };
  groups: { queued: BoardCard[]; screening: BoardCard[]; ready: BoardCard[]; on_air: BoardCard[] };
  /** The most recent finished calls, newest first. */
  ended: BoardCard[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toCard({ session: s, ...row }: BoardRow): BoardCard {
  return {
    id: s.id,
    state: s.state,
    version: s.version,
    moving: s.pendingCommand !== null,
    pendingCommand: s.pendingCommand,
    attention: s.attention,
    room: s.room,
    confirmedRoom: s.confirmedRoom,
    muted: s.muted,
    fromNumber: s.fromNumber,
    arrival: s.arrivalSeq,
    deckPosition: s.deckPosition,
    screener: s.screenerId ? { id: s.screenerId, name: row.screenerName ?? '' } : null,
    card: {
      name: s.cardName,
      location: s.cardLocation,
      topic: s.cardTopic,
      comment: s.cardComment,
      priority: s.cardPriority,
    },
    caller: s.callerId
      ? {
          id: s.callerId,
          callCount: row.callerCallCount ?? 0,
          airedCount: row.callerAiredCount ?? 0,
          lastCallAt: iso(row.callerLastCallAt),
          notes: row.callerNotes,
          flags: row.callerFlags ?? [],
        }
      : null,
    times: {
      createdAt: s.createdAt.toISOString(),
      queuedAt: iso(s.queuedAt),
      screeningAt: iso(s.screeningAt),
      readyAt: iso(s.readyAt),
      onAirAt: iso(s.onAirAt),
      endedAt: iso(s.endedAt),
    },
    endReason: s.endReason,
    lane: s.queueLane,
    contestWinner: s.contestWinner,
  };
}

/** The board of an episode: live sessions grouped by state, and the latest finished ones. */
export async function getBoard(episodeId: string, recentLimit = 20): Promise<{ board: Board }> {
  const episode = await findEpisodeById(episodeId);
  if (!episode) throw new AppError('not_found:episode', 'That episode was not found.');
  const [rows, pace] = await Promise.all([listBoardRows(episodeId, recentLimit), episodePickupPace(episodeId)]);
  const groups: Board['groups'] = { queued: [], screening: [], ready: [], on_air: [] };
  for (const row of rows.open) {
    const card = toCard(row);
    if ((UNSCREENED_STATES as readonly CallState[]).includes(card.state)) groups.queued.push(card);
    // A caller being rung back is the screener's, as if already screening.
    else if (card.state === 'calling_back') groups.screening.push(card);
    else if (card.state === 'screening' || card.state === 'ready' || card.state === 'on_air')
      groups[card.state].push(card);
  }
  const perPickup = secondsPerPickup(pace);
  groups.queued.sort((a, b) => compareQueue(queueEntry(a), queueEntry(b)));
  groups.queued.forEach((card, i) => {
    card.estimatedWaitSeconds = estimatedWaitSeconds(i + 1, perPickup);
  });
  const board: Board = {
    episode: {
      id: episode.id,
      showId: episode.showId,
      title: episode.title,
      openedAt: episode.openedAt.toISOString(),
      closedAt: iso(episode.closedAt),
    },
    groups,
    ended: rows.ended.map(toCard),
  };
  return { board };
}
