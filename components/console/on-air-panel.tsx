'use client';

import type { ReactNode } from 'react';
import type { BoardCard } from '@/lib/calls/board';
import { CallerTitle, callerName } from './caller-title';
import { DropButton } from './drop-button';
import { CardElapsed } from './elapsed';
import { AttentionLabel, MovingLabel, StateLabel } from './state-label';
import type { CallCommand } from '@/lib/telephony/call-session-machine';

/** Why nobody more may go on air now, or null: the show's on-air limit is reached. */
export function onAirLimitWarning(onAir: number, limit: number): string | null {
  return onAir >= limit
    ? `On-air limit reached: ${onAir} of ${limit} callers are on air. Take someone off air (back to deck or drop) before putting another caller on.`
    : null;
}

/** Everyone on air, each with a timer, Back to deck, Mute and Drop. */
export function OnAirPanel({
  onAir,
  limit,
  now,
  sending,
  run,
  extra,
}: {
  onAir: BoardCard[];
  limit: number;
  now: number;
  sending: Record<string, string>;
  run: (id: string, command: CallCommand) => void;
  /** More controls on each card, e.g. the producer's Block. */
  extra?: (card: BoardCard) => ReactNode;
}) {
  return (
    <section aria-labelledby="on-air-heading" className="space-y-3 rounded-lg border-2 border-onair bg-studio-900 p-3">
      <h2 id="on-air-heading" className="text-xl font-bold">
        <span aria-hidden="true" className="text-onair">
          ●{' '}
        </span>
        On air ({onAir.length} of {limit})
      </h2>
      {onAir.length >= limit && (
        <p
          role="status"
          className="rounded border border-waiting px-3 py-2 font-semibold text-waiting"
          data-testid="on-air-limit"
        >
          <span aria-hidden="true">⚠ </span>
          {onAirLimitWarning(onAir.length, limit)}
        </p>
      )}
      {onAir.length === 0 && <p className="text-studio-400">Nobody is on air. Put a caller on air from the deck.</p>}
      <ul className="grid gap-3 lg:grid-cols-2" aria-label="Callers on air">
        {onAir.map((card) => {
          const busy = card.moving || Boolean(sending[card.id]);
          const who = callerName(card);
          return (
            <li
              key={card.id}
              data-call-id={card.id}
              aria-label={`On air: ${who}`}
              className="space-y-2 rounded-md border border-onair/60 bg-red-950/30 p-3"
            >
              <div className="flex flex-wrap items-center gap-2">
                <StateLabel state="on_air" />
                <CardElapsed card={card} now={now} className="text-2xl font-bold" />
                {card.muted && (
                  <span className="rounded border border-waiting px-2 text-sm font-bold text-waiting">
                    <span aria-hidden="true">✕ </span>MUTED
                  </span>
                )}
                {busy && <MovingLabel text={sending[card.id] ? 'sending…' : 'moving…'} />}
              </div>
              <CallerTitle card={card} />
              {card.card.topic && <p className="text-lg">Topic: {card.card.topic}</p>}
              {card.card.comment && <p className="text-studio-200">{card.card.comment}</p>}
              {card.attention && <AttentionLabel text={card.attention} />}
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  aria-keyshortcuts="B"
                  disabled={busy}
                  onClick={() => run(card.id, 'to_deck')}
                  className="min-h-11 rounded-md border border-ready px-4 font-semibold text-ready hover:bg-green-950 disabled:opacity-50"
                >
                  Back to deck: {who}
                </button>
                <button
                  type="button"
                  disabled={busy}
                  aria-pressed={card.muted}
                  aria-keyshortcuts="M"
                  onClick={() => run(card.id, card.muted ? 'unmute' : 'mute')}
                  className="min-h-11 rounded-md border border-waiting px-4 font-semibold text-waiting hover:bg-amber-950 disabled:opacity-50"
                >
                  {card.muted ? `Unmute ${who}` : `Mute ${who}`}
                </button>
                <DropButton who={who} disabled={busy} onDrop={() => run(card.id, 'drop')} />
                {extra?.(card)}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
