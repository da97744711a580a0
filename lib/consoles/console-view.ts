import type { Board, BoardCard } from '@/lib/calls/board';
import type { Role } from '@/lib/auth/roles';
import { maskPhone } from './phone-mask';

export interface ChatMessage {
  id: number;
  body: string;
  createdAt: string;
  author: { id: string; name: string; role: Role };
}

/** A console's show tab: live, so a screener sees callers waiting on another show. */
export interface ConsoleShowTab {
  id: string;
  name: string;
  linesOpen: boolean;
  waiting: number;
}

/** Everything a console polls, in one answer with one ETag: the show, its latest episode's board and chat. */
export interface ConsoleView {
  show: { id: string; name: string; phoneNumber: string; onAirLimit: number };
  linesOpen: boolean;
  board: Board | null;
  messages: ChatMessage[];
  shows: ConsoleShowTab[];
}

/** Hosts see only the last digits of callers' numbers; the rest never leaves the server. */
export function maskBoardForHost(board: Board): Board {
  const mask = (card: BoardCard): BoardCard => ({ ...card, fromNumber: maskPhone(card.fromNumber) });
  return {
    ...board,
    groups: {
      queued: board.groups.queued.map(mask),
      screening: board.groups.screening.map(mask),
      ready: board.groups.ready.map(mask),
      on_air: board.groups.on_air.map(mask),
    },
    ended: board.ended.map(mask),
  };
}

export function viewForRole(view: ConsoleView, role: Role): ConsoleView {
  return role === 'host' && view.board ? { ...view, board: maskBoardForHost(view.board) } : view;
}

export function consoleViewUrl(showId: string): string {
  return `/api/shows/${showId}/console`;
}
