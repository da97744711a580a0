'use client';

import type { BoardCard } from '@/lib/calls/board';
import { STATE_WORDS } from '@/lib/telephony/state-words';
import { CallerTitle, callerName } from './caller-title';
import { AttentionLabel, MovingLabel, StateLabel } from './state-label';

/** How long the outcome of an unanswered ringback stays in view of the screener who started it. */
const OUTCOME_SHOWN_MS = 60_000;

/** The screener's own ringback while the caller's phone rings: their headset stays in their room meanwhile. */
export function RingbackPanel({
  card,
  sending,
  onStop,
}: {
  card: BoardCard;
  sending: string | undefined;
  onStop: () => void;
}) {
  return (
    <section
      aria-labelledby="screening-heading"
      className="space-y-4 rounded-lg border-2 border-screening bg-studio-900 p-4"
      data-call-id={card.id}
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="screening-heading" className="text-lg font-semibold">
          Calling back
        </h2>
        <StateLabel state={card.state} />
        <MovingLabel text={sending ? 'sending…' : 'ringing their phone…'} />
      </div>
      <CallerTitle card={card} />
      <p className="text-studio-200">
        Stay in your room: when {callerName(card)} answers, they join you here. They kept their place while waiting.
      </p>
      {card.attention && <AttentionLabel text={card.attention} />}
      <button
        type="button"
        disabled={Boolean(sending)}
        onClick={onStop}
        className="min-h-11 rounded-md border border-studio-400 px-4 font-semibold text-studio-100 hover:bg-studio-800 disabled:opacity-50"
      >
        Stop calling
      </button>
    </section>
  );
}

/** What became of this screener's latest ringback that nobody answered, for a minute after. */
export function RingbackOutcome({ ended, myId, now }: { ended: BoardCard[]; myId: string; now: number }) {
  const last = ended.find(
    (c) =>
      c.screener?.id === myId &&
      c.endReason?.startsWith('ringback_') &&
      now - Date.parse(c.times.endedAt ?? '') < OUTCOME_SHOWN_MS,
  );
  if (!last) return null;
  return (
    <p role="status" className="rounded border border-studio-600 bg-studio-900 px-3 py-2 text-studio-200">
      Callback to {callerName(last)}: {last.attention ?? STATE_WORDS[last.state]}
    </p>
  );
}
