import { describe, expect, it } from 'vitest';
import type { CueCandidate } from '@/lib/db/waiting';
import { planCues } from './cue-plan';

let n = 0;
function candidate(overrides: Partial<CueCandidate>): CueCandidate {
  n += 1;
  const id = overrides.id ?? `s${n}`;
  return {
    id,
    callSid: `CA${id}`,
    state: 'queued',
    room: `hold-${id}`,
    confirmedRoom: `hold-${id}`,
    conferenceSid: `CF${id}`,
    queueLane: 'normal',
    contestWinner: false,
    queuedAt: new Date(Date.UTC(2026, 0, 1, 10, n)),
    createdAt: new Date(Date.UTC(2026, 0, 1, 10, n)),
    deckPosition: null,
    cue: null,
    ...overrides,
  };
}

const said = (plan: ReturnType<typeof planCues>) =>
  Object.fromEntries([...plan.give.values()].map((g) => [g.sessionId, g.cue]));

describe('which cues a pass gives', () => {
  it('tells each waiting caller their place in queue order, with the wait at the pace, once per change', () => {
    const early = candidate({ id: 'early' });
    const regular = candidate({ id: 'regular', queueLane: 'front' });
    const heard = candidate({ id: 'heard', cue: 'position:3' });
    const plan = planCues([early, regular, heard], 60);
    expect(said(plan)).toEqual({
      regular: { kind: 'position', position: 1, waitSeconds: 60 },
      early: { kind: 'position', position: 2, waitSeconds: 120 },
    });
    expect(plan.claims).toEqual([
      { sessionId: 'regular', state: 'queued', seen: null, cue: 'position:1' },
      { sessionId: 'early', state: 'queued', seen: null, cue: 'position:2' },
    ]);
  });

  it('says no wait before the first pick-up, and counts unconfirmed callers without cueing them yet', () => {
    const moving = candidate({ id: 'moving', confirmedRoom: null });
    const waiting = candidate({ id: 'waiting' });
    const plan = planCues([moving, waiting], null);
    expect(said(plan)).toEqual({ waiting: { kind: 'position', position: 2, waitSeconds: null } });
    expect(plan.claims.map((c) => c.sessionId)).toEqual(['waiting']);
  });

  it('whispers "next" to the first on deck only, and makes the others and those being screened forget theirs', () => {
    const second = candidate({ id: 'second', state: 'ready', deckPosition: 2, cue: 'next', room: 'live-e' });
    const first = candidate({ id: 'first', state: 'ready', deckPosition: 1, room: 'live-e', confirmedRoom: 'live-e' });
    const screening = candidate({ id: 'screening', state: 'screening', cue: 'position:1' });
    const plan = planCues([second, first, screening], 30);
    expect(said(plan)).toEqual({ first: { kind: 'next' } });
    expect(plan.claims).toEqual([
      { sessionId: 'first', state: 'ready', seen: null, cue: 'next' },
      { sessionId: 'second', state: 'ready', seen: 'next', cue: null },
      { sessionId: 'screening', state: 'screening', seen: 'position:1', cue: null },
    ]);
  });

  it('puts a contest winner first and the back lane last', () => {
    const back = candidate({ id: 'back', queueLane: 'back' });
    const normal = candidate({ id: 'normal' });
    const winner = candidate({ id: 'winner', contestWinner: true });
    const plan = planCues([back, normal, winner], null);
    expect([...plan.give.values()].map((g) => [g.sessionId, g.cue.kind === 'position' && g.cue.position])).toEqual([
      ['winner', 1],
      ['normal', 2],
      ['back', 3],
    ]);
  });
});
