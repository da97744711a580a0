'use client';

import { useRef, useState, type ReactNode } from 'react';
import type { BoardCard } from '@/lib/calls/board';
import { moveInOrder, placeBefore, reconcileOrder } from '@/lib/consoles/deck-order';
import { CallerHistory } from './caller-history';
import { CallerTitle, callerName } from './caller-title';
import { DropButton } from './drop-button';
import { CardElapsed } from './elapsed';
import { AttentionLabel, MovingLabel, StateLabel } from './state-label';
import type { CallCommand } from '@/lib/telephony/call-session-machine';

/**
 * The deck in the host's order. Reorder by dragging a card, by its Move up / Move down buttons, or by the arrow
 * keys on its handle; the order shows at once and is saved to the server (which every console then follows).
 */
export function DeckPanel({
  ready,
  airRefusal = null,
  now,
  sending,
  run,
  reorder,
  extra,
}: {
  ready: BoardCard[];
  /** Set when the on-air limit is reached: Put on air is off, and this says why. */
  airRefusal?: string | null;
  now: number;
  sending: Record<string, string>;
  run: (id: string, command: CallCommand) => void;
  reorder: (order: string[]) => Promise<void>;
  /** More controls on each card, e.g. the producer's Block. */
  extra?: (card: BoardCard) => ReactNode;
}) {
  const [wanted, setWanted] = useState<string[] | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const serverOrder = ready.map((c) => c.id);
  const order = wanted ? reconcileOrder(wanted, serverOrder) : serverOrder;
  const byId = new Map(ready.map((c) => [c.id, c]));
  const cards = order.map((id) => byId.get(id)).filter((c): c is BoardCard => Boolean(c));

  const latest = useRef(0);

  // The order shown is the newest move until every move is saved and fetched back; an older save finishing
  // must not put the server's older order back on screen.
  function apply(next: string[]) {
    const move = ++latest.current;
    setWanted(next);
    void reorder(next).finally(() => {
      if (latest.current === move) setWanted(null);
    });
  }

  return (
    <section
      aria-labelledby="host-deck-heading"
      className="space-y-3 rounded-lg border border-studio-700 bg-studio-900 p-3"
    >
      <h2 id="host-deck-heading" className="text-xl font-bold">
        <span aria-hidden="true" className="text-ready">
          ✓{' '}
        </span>
        On deck ({cards.length})
      </h2>
      {cards.length === 0 && (
        <p className="text-studio-400">No approved callers yet. Screeners approve callers onto the deck.</p>
      )}
      <ol className="space-y-2" aria-label="Callers on deck">
        {cards.map((card, i) => {
          const who = callerName(card);
          const busy = card.moving || Boolean(sending[card.id]);
          return (
            <li
              key={card.id}
              data-call-id={card.id}
              aria-label={`On deck ${i + 1}: ${who}`}
              draggable
              onDragStart={(e) => {
                setDragging(card.id);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => dragging && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragging) apply(placeBefore(order, dragging, card.id));
                setDragging(null);
              }}
              onDragEnd={() => setDragging(null)}
              className={`space-y-2 rounded-md border bg-studio-800 p-3 ${dragging === card.id ? 'border-screening opacity-60' : 'border-studio-700'}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <button
                  type="button"
                  aria-label={`Reorder ${who}: position ${i + 1} of ${cards.length}; use the up and down arrow keys`}
                  aria-keyshortcuts="ArrowUp ArrowDown"
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
                      e.preventDefault();
                      apply(moveInOrder(order, card.id, e.key === 'ArrowUp' ? -1 : 1));
                    }
                  }}
                  className="min-h-11 min-w-11 cursor-grab rounded-md border border-studio-600 font-mono text-lg font-bold hover:bg-studio-700"
                >
                  <span aria-hidden="true">⠿ </span>
                  {i + 1}
                </button>
                <StateLabel state={card.state} />
                <CardElapsed card={card} now={now} className="text-lg" />
                {busy && <MovingLabel text={sending[card.id] ? 'sending…' : 'moving…'} />}
              </div>
              <CallerTitle card={card} />
              {card.card.topic && <p className="text-lg">Topic: {card.card.topic}</p>}
              {card.card.comment && <p className="text-studio-200">{card.card.comment}</p>}
              <CallerHistory caller={card.caller} now={now} />
              {card.screener && <p className="text-sm text-studio-400">Screened by {card.screener.name}</p>}
              {card.attention && <AttentionLabel text={card.attention} />}
              <div className="flex flex-wrap gap-2">
                <button
                  type="button"
                  aria-keyshortcuts={i === 0 ? 'N A' : 'A'}
                  disabled={busy || Boolean(airRefusal)}
                  title={airRefusal ?? undefined}
                  onClick={() => run(card.id, 'air')}
                  className="min-h-12 rounded-lg bg-onair-fill px-5 text-lg font-bold text-studio-50 hover:bg-red-800 disabled:opacity-50"
                >
                  <span aria-hidden="true">● </span>Put on air: {who}
                </button>
                <button
                  type="button"
                  disabled={i === 0}
                  onClick={() => apply(moveInOrder(order, card.id, -1))}
                  aria-label={`Move ${who} up`}
                  className="min-h-11 min-w-11 rounded-md border border-studio-600 hover:bg-studio-700 disabled:opacity-40"
                >
                  <span aria-hidden="true">▲</span>
                </button>
                <button
                  type="button"
                  disabled={i === cards.length - 1}
                  onClick={() => apply(moveInOrder(order, card.id, 1))}
                  aria-label={`Move ${who} down`}
                  className="min-h-11 min-w-11 rounded-md border border-studio-600 hover:bg-studio-700 disabled:opacity-40"
                >
                  <span aria-hidden="true">▼</span>
                </button>
                <DropButton who={who} disabled={busy} onDrop={() => run(card.id, 'drop')} />
                {extra?.(card)}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
