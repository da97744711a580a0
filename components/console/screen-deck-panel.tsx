'use client';

import type { BoardCard } from '@/lib/calls/board';
import { CallerTitle, callerName } from './caller-title';
import { CardElapsed } from './elapsed';
import { MovingLabel, StateLabel } from './state-label';

/** What screeners see of the deck and the air: who is where, and "Re-check" for a caller on deck. Nothing here airs anyone. */
export function ScreenDeckPanel({
  ready,
  onAir,
  now,
  canRecheck,
  sending,
  onRecheck,
}: {
  ready: BoardCard[];
  onAir: BoardCard[];
  now: number;
  canRecheck: boolean;
  sending: Record<string, string>;
  onRecheck: (card: BoardCard) => void;
}) {
  return (
    <section aria-labelledby="deck-heading" className="space-y-3 rounded-lg border border-studio-700 bg-studio-900 p-3">
      <h2 id="deck-heading" className="text-lg font-semibold">
        On deck ({ready.length})
      </h2>
      {ready.length === 0 && <p className="text-studio-400">No approved callers yet.</p>}
      <ol className="space-y-2" aria-label="Callers on deck">
        {ready.map((card, i) => (
          <li
            key={card.id}
            data-call-id={card.id}
            aria-label={`On deck ${i + 1}: ${callerName(card)}`}
            className="space-y-1 rounded-md border border-studio-700 bg-studio-800 p-3"
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-mono text-lg font-bold">{i + 1}</span>
              <StateLabel state={card.state} />
              <CardElapsed card={card} now={now} />
              {(card.moving || sending[card.id]) && <MovingLabel text={sending[card.id] ? 'sending…' : 'moving…'} />}
            </div>
            <CallerTitle card={card} />
            {card.card.topic && <p className="text-studio-200">Topic: {card.card.topic}</p>}
            <button
              type="button"
              disabled={!canRecheck || card.moving || Boolean(sending[card.id])}
              onClick={() => onRecheck(card)}
              className="min-h-11 rounded-md border border-screening px-4 font-semibold text-screening hover:bg-sky-950 disabled:opacity-50"
            >
              Re-check {callerName(card)}
            </button>
          </li>
        ))}
      </ol>
      {onAir.length > 0 && (
        <div>
          <h3 className="mb-1 text-base font-semibold">On air now</h3>
          <ul className="space-y-1" aria-label="Callers on air">
            {onAir.map((card) => (
              <li key={card.id} className="flex flex-wrap items-center gap-2">
                <StateLabel state={card.state} />
                <span>{callerName(card)}</span>
                <CardElapsed card={card} now={now} className="text-studio-200" />
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
