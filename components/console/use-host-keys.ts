'use client';

import { useMemo } from 'react';
import type { Board, BoardCard } from '@/lib/calls/board';
import type { CallCommand } from '@/lib/telephony/call-session-machine';
import type { ShortcutHandlers } from './use-shortcuts';

/** The card of `cards` the keyboard focus is on (a button inside it, or its handle), else the first. */
function target(cards: readonly BoardCard[]): BoardCard | undefined {
  const focused =
    document.activeElement instanceof HTMLElement
      ? document.activeElement.closest('[data-call-id]')?.getAttribute('data-call-id')
      : null;
  return cards.find((card) => card.id === focused) ?? cards[0];
}

/**
 * The host's broadcast-surface keys: N next caller on air, A air the deck caller in focus, M mute, B back to deck,
 * D drop (which asks first, like the button). Air refuses at the show's on-air limit with `airRefusal`.
 */
export function useHostKeys(
  board: Board | null,
  run: (id: string, command: CallCommand) => void,
  airRefusal: string | null,
  refuse: (message: string) => void,
): ShortcutHandlers {
  return useMemo(() => {
    if (!board) return {};
    const onAir = board.groups.on_air.filter((card) => !card.moving);
    const deck = board.groups.ready.filter((card) => !card.moving);
    const air = (card: BoardCard | undefined) => {
      if (!card) return;
      if (airRefusal) refuse(airRefusal);
      else run(card.id, 'air');
    };
    const onAirCommand = (command: (card: BoardCard) => CallCommand) => () => {
      const card = target(onAir);
      if (card) run(card.id, command(card));
    };
    return {
      n: () => air(deck[0]),
      a: () => air(target(deck)),
      m: onAirCommand((card) => (card.muted ? 'unmute' : 'mute')),
      b: onAirCommand(() => 'to_deck'),
      d: () => {
        const card = target(onAir);
        if (card) document.querySelector<HTMLButtonElement>(`[data-call-id="${card.id}"] [data-drop-button]`)?.click();
      },
    };
  }, [board, run, airRefusal, refuse]);
}
