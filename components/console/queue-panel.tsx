'use client';

import type { BoardCard } from '@/lib/calls/board';
import { PICKUP_STATES, type CallState } from '@/lib/telephony/call-session-machine';
import { compareQueue, queueEntry } from '@/lib/consoles/queue-order';
import { spokenDuration } from '@/lib/consoles/durations';
import { CallerHistory } from './caller-history';
import { CallerTitle, callerName } from './caller-title';
import { CardElapsed } from './elapsed';
import { MovingLabel, StateLabel } from './state-label';

/**
 * A contest winner first, then regulars, then longest waiting, withheld numbers the show sends back last:
 * requeued callers keep their place by when they were queued again.
 */
export function waitingOrder(queued: readonly BoardCard[]): BoardCard[] {
  return [...queued].sort((a, b) => compareQueue(queueEntry(a), queueEntry(b)));
}

/** A caller a screener can pick up now: waiting on the line, or waiting for a callback (then they are rung). */
export function canBePickedUp(card: BoardCard): boolean {
  return (PICKUP_STATES as readonly CallState[]).includes(card.state) && !card.moving;
}

/** "under a minute", "about 4 min": an estimate, so never to the second. */
export function estimatedWaitLabel(seconds: number): string {
  return seconds < 60 ? 'under a minute' : `about ${Math.round(seconds / 60)} min`;
}

export function QueuePanel({
  queued,
  now,
  canPickUp,
  sending,
  onPickUp,
}: {
  queued: BoardCard[];
  now: number;
  canPickUp: boolean;
  sending: Record<string, string>;
  onPickUp: (card: BoardCard) => void;
}) {
  const ordered = waitingOrder(queued);
  const next = ordered.find(canBePickedUp);
  return (
    <section
      aria-labelledby="queue-heading"
      className="space-y-3 rounded-lg border border-studio-700 bg-studio-900 p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="queue-heading" className="text-lg font-semibold">
          Waiting ({ordered.length})
        </h2>
        <button
          type="button"
          aria-keyshortcuts="N"
          disabled={!canPickUp || !next}
          onClick={() => next && onPickUp(next)}
          className="min-h-14 rounded-lg bg-screening px-5 text-lg font-bold text-studio-950 hover:bg-sky-300 disabled:opacity-50"
        >
          Pick up next <kbd className="ml-1 rounded border border-studio-950/40 px-1 text-sm">N</kbd>
        </button>
      </div>
      {ordered.length === 0 && <p className="text-studio-400">Nobody is waiting.</p>}
      <ol className="space-y-2" aria-label="Waiting callers">
        {ordered.map((card) => (
          <li
            key={card.id}
            data-call-id={card.id}
            className="space-y-2 rounded-md border border-studio-700 bg-studio-800 p-3"
            aria-label={`Waiting caller ${callerName(card)}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <StateLabel state={card.state} />
              {card.contestWinner && (
                <span
                  className="rounded bg-waiting px-2 py-0.5 text-sm font-bold text-studio-950"
                  aria-label="Contest winner"
                >
                  ★ WINNER
                </span>
              )}
              <CardElapsed card={card} now={now} className="text-lg text-waiting" />
              {card.estimatedWaitSeconds != null && (
                <span
                  data-testid="estimated-wait"
                  className="text-studio-200"
                  title={`Estimated wait ${spokenDuration(card.estimatedWaitSeconds)}, at this episode's pick-up pace`}
                >
                  Est. wait {estimatedWaitLabel(card.estimatedWaitSeconds)}
                </span>
              )}
              {(card.moving || sending[card.id]) && <MovingLabel text={sending[card.id] ? 'sending…' : 'moving…'} />}
            </div>
            <CallerTitle card={card} />
            <CallerHistory caller={card.caller} now={now} />
            <button
              type="button"
              disabled={!canPickUp || !canBePickedUp(card) || Boolean(sending[card.id])}
              onClick={() => onPickUp(card)}
              className="min-h-11 rounded-md border border-screening px-4 font-semibold text-screening hover:bg-sky-950 disabled:opacity-50"
            >
              {card.state === 'callback' ? 'Call back' : 'Pick up'} {callerName(card)}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
