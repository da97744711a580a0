import { describe, expect, it } from 'vitest';
import type { Board, BoardCard } from '@/lib/calls/board';
import { boardCard } from '@/tests/support/board-card';
import { maskBoardForHost, viewForRole, type ConsoleView } from './console-view';

function card(id: string, fromNumber: string): BoardCard {
  return boardCard({ id, fromNumber });
}

const board: Board = {
  episode: { id: 'e', showId: 's', title: 'T', openedAt: '2025-01-01T00:00:00.000Z', closedAt: null },
  groups: {
    queued: [card('1', '+14155550101')],
    screening: [card('2', '+14155550102')],
    ready: [card('3', '+14155550103')],
    on_air: [card('4', '+14155550104')],
  },
  ended: [card('5', '+14155550105')],
};

describe('host view of the board', () => {
  it('masks every number in every group and in the ended list', () => {
    const json = JSON.stringify(maskBoardForHost(board));
    expect(json).not.toMatch(/\+1415555010\d/);
    expect(maskBoardForHost(board).groups.on_air[0]?.fromNumber).toBe('••• 0104');
    expect(maskBoardForHost(board).ended[0]?.fromNumber).toBe('••• 0105');
  });

  it('leaves screeners and producers the full numbers', () => {
    const view: ConsoleView = {
      show: { id: 's', name: 'S', phoneNumber: '+15005550006', onAirLimit: 3 },
      linesOpen: true,
      board,
      messages: [],
      shows: [],
    };
    expect(viewForRole(view, 'screener').board?.groups.queued[0]?.fromNumber).toBe('+14155550101');
    expect(viewForRole(view, 'producer').board?.groups.queued[0]?.fromNumber).toBe('+14155550101');
    expect(viewForRole(view, 'host').board?.groups.queued[0]?.fromNumber).toBe('••• 0101');
  });
});
