import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getBoard } from '@/lib/calls/board';
import { closeContest, openContest } from '@/lib/calls/contest';
import { CONTEST_RELEASED_MESSAGE } from '@/lib/calls/contest-outcome';
import { findSessionByCallSid } from '@/lib/db/call-sessions';
import { getDbHandle } from '@/lib/db/client';
import { callSessions, episodes } from '@/lib/db/schema';
import { eventually } from '@/tests/support/eventually';
import { SHOW_NUMBER, setUpCallFlowSuite } from '@/tests/support/call-flow-suite';

const t = setUpCallFlowSuite();
const db = async () => (await getDbHandle()).db;
const episodeId = () => t.fx.episode?.id ?? '';
const CALLERS = 40;
const TARGET = 10;

afterEach(() => {
  expect(t.h.served.filter((s) => s.status >= 400)).toEqual([]);
  t.h.served.length = 0;
});

const said = (callSid: string, text: string) =>
  t.h.call(callSid).timeline.some((seg) => seg.hearing.kind === 'say' && seg.hearing.text === text);

describe('a contest spike through the emulator', () => {
  it(`makes caller number ${TARGET} of ${CALLERS} ringing at once the winner, flagged on the board, and releases the rest with the contest message`, async () => {
    const before = await t.h.ring('+14155550100', SHOW_NUMBER);
    await t.settled(before, 'a caller queued before the contest');
    const opened = await openContest(t.fx.producer, episodeId(), { target: TARGET });
    expect(opened.winningArrival).toBe(1 + TARGET);

    const sids = await Promise.all(
      Array.from({ length: CALLERS }, (_, i) => t.h.ring(`+1415556${String(i).padStart(4, '0')}`, SHOW_NUMBER)),
    );
    const released = await eventually(
      async () => {
        const sessions = await Promise.all(sids.map((sid) => findSessionByCallSid(sid)));
        const ended = sids.filter(
          (sid, i) => sessions[i]?.state === 'contest_released' && t.h.call(sid).status === 'completed',
        );
        return ended.length === CALLERS - 1 ? ended : null;
      },
      'every caller but the winner released',
      15_000,
    );

    const sessions = await (await db()).select().from(callSessions).where(eq(callSessions.episodeId, episodeId()));
    const winners = sessions.filter((s) => s.contestWinner);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    expect(winner).toMatchObject({ state: 'queued', arrivalSeq: 1 + TARGET });
    expect(sids).toContain(winner.callSid);
    expect(sessions.map((s) => s.arrivalSeq).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: CALLERS + 1 }, (_, i) => i + 1),
    );
    const [episode] = await (await db()).select().from(episodes).where(eq(episodes.id, episodeId()));
    expect(episode?.contestWinnerSessionId).toBe(winner.id);

    // The winner hears its hold room, never the release message; the others heard only the message, briefly.
    await t.settled(winner.callSid, 'the winner in its hold room');
    expect(t.h.call(winner.callSid).hears).toMatchObject({ kind: 'wait', friendlyName: `hold-${winner.id}` });
    expect(said(winner.callSid, CONTEST_RELEASED_MESSAGE)).toBe(false);
    for (const sid of released) {
      const call = t.h.call(sid);
      expect(said(sid, CONTEST_RELEASED_MESSAGE)).toBe(true);
      expect(call.timeline.some((seg) => seg.hearing.kind === 'wait' || seg.hearing.kind === 'conference')).toBe(false);
      expect((call.endTime ?? Infinity) - (call.answeredAt ?? 0)).toBeLessThan(2000);
      expect(await findSessionByCallSid(sid)).toMatchObject({
        state: 'contest_released',
        endReason: 'contest_released',
        room: null,
      });
    }

    const { board } = await getBoard(episodeId());
    const queued = board.groups.queued.map((c) => [c.id, c.contestWinner]);
    expect(queued).toHaveLength(2);
    expect(queued).toContainEqual([winner.id, true]);
    expect(board.ended.every((c) => c.state === 'contest_released' && c.contestWinner === false)).toBe(true);

    await closeContest(t.fx.producer, episodeId());
    const after = await t.h.ring('+14155550999', SHOW_NUMBER);
    const normal = await t.settled(after, 'a caller queued after the contest');
    expect(normal).toMatchObject({ state: 'queued', contestWinner: false, arrivalSeq: CALLERS + 2 });
    expect(said(after, 'Thanks for calling the test show.')).toBe(true);
  });
});
