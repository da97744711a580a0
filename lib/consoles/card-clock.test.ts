import { describe, expect, it } from 'vitest';
import { cardClock } from './card-clock';

const times = {
  createdAt: '2026-12-04T20:00:00.000Z',
  queuedAt: '2026-12-04T20:00:10.000Z',
  screeningAt: '2026-12-04T20:03:00.000Z',
  readyAt: '2026-12-04T20:07:16.000Z',
  onAirAt: null,
  endedAt: null,
};

describe('the timer on a caller card', () => {
  it('counts time on deck from when the caller was put on deck, not from when they rang', () => {
    expect(cardClock({ state: 'ready', times })).toEqual({ label: 'On deck', since: times.readyAt });
  });

  it('counts each state from the moment the caller entered it', () => {
    expect(cardClock({ state: 'queued', times })).toEqual({ label: 'Wait', since: times.queuedAt });
    expect(cardClock({ state: 'queued', times: { ...times, queuedAt: null } })).toEqual({
      label: 'Wait',
      since: times.createdAt,
    });
    expect(cardClock({ state: 'screening', times })).toEqual({ label: 'Screening', since: times.screeningAt });
    const onAirAt = '2026-12-04T20:09:00.000Z';
    expect(cardClock({ state: 'on_air', times: { ...times, onAirAt } })).toEqual({ label: 'On air', since: onAirAt });
  });
});
