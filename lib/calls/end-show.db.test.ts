import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { getDbHandle } from '@/lib/db/client';
import { findSession, listOpenSessions } from '@/lib/db/call-sessions';
import { findEpisodeById } from '@/lib/db/episodes';
import { callEvents, callSessions } from '@/lib/db/schema';
import { SHOW_ENDED_REASON } from '@/lib/telephony/call-session-machine';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { expectAppError } from '@/tests/support/expect-app-error';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { truncateAll } from '@/tests/support/test-database';
import { getBoard } from './board';
import { runCallCommand } from './commands';
import { answerIncomingCall } from './door';
import { endShow } from './end-show';
import { closeLines, openLines } from './lines';

let fx: CallFixture;

beforeAll(() => {
  pointAtUnreachableTwilio();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
beforeEach(async () => {
  const handle = await getDbHandle();
  await truncateAll(handle);
  fx = await createCallFixture(handle.db);
});

async function ring(from: string) {
  const { session } = await answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber });
  if (!session) throw new Error('no session');
  return session;
}

/** A caller in each open state: ringing (the door has not answered yet), waiting, screening, on deck, on air. */
async function fullEpisode() {
  const db = (await getDbHandle()).db;
  const [ringing] = await db
    .insert(callSessions)
    .values({
      showId: fx.show.id,
      episodeId: fx.episode?.id,
      callSid: newCallSid(),
      fromNumber: '+14155550150',
      state: 'ringing',
    })
    .returning();
  const queued = await ring('+14155550151');
  const screening = await ring('+14155550152');
  await runCallCommand(fx.screener, screening.id, 'pickup');
  const ready = await ring('+14155550153');
  await runCallCommand(fx.screener2, ready.id, 'pickup');
  await runCallCommand(fx.screener2, ready.id, 'approve');
  const onAir = await ring('+14155550154');
  await runCallCommand(fx.producer, onAir.id, 'pickup');
  await runCallCommand(fx.producer, onAir.id, 'approve');
  await runCallCommand(fx.host, onAir.id, 'air');
  if (!ringing) throw new Error('no ringing session');
  return { ringing, queued, screening, ready, onAir };
}

describe('ending the show', () => {
  it('releases everyone in every open state with the show-ended reason, closes the lines and logs who did it', async () => {
    const callers = await fullEpisode();
    const { episode, released } = await endShow(fx.host, fx.show.id);
    expect(episode.id).toBe(fx.episode?.id);
    expect(episode.closedAt).not.toBeNull();
    expect(released).toHaveLength(5);
    for (const [state, caller] of Object.entries(callers)) {
      const after = await findSession(caller.id);
      expect(after, state).toMatchObject({
        state: state === 'onAir' ? 'completed' : 'show_ended',
        endReason: SHOW_ENDED_REASON,
        room: null,
      });
      expect(after?.endedAt, state).not.toBeNull();
    }
    expect(await listOpenSessions({ episodeId: fx.episode?.id })).toEqual([]);
    const db = (await getDbHandle()).db;
    const logged = await db
      .select()
      .from(callEvents)
      .where(eq(callEvents.name, 'end_show'))
      .orderBy(asc(callEvents.id));
    expect(logged.map((e) => e.fromState).sort()).toEqual(['on_air', 'queued', 'ready', 'ringing', 'screening']);
    expect(logged.every((e) => e.actorId === fx.host.id && e.source === 'command')).toBe(true);
    const { board } = await getBoard(episode.id);
    expect(Object.values(board.groups).flat()).toEqual([]);
  });

  it('keeps the goodbye owed while Twilio cannot be reached, for the reconciler to deliver', async () => {
    const { queued } = await fullEpisode();
    await endShow(fx.producer, fx.show.id);
    expect(await findSession(queued.id)).toMatchObject({
      state: 'show_ended',
      pendingCommand: 'end_show',
      attention: 'Twilio did not answer in time; retrying shortly.',
    });
  });

  it('releases the callers left in an episode whose lines were already closed', async () => {
    const waiting = await ring('+14155550155');
    await closeLines(fx.producer, fx.show.id);
    const { released, episode } = await endShow(fx.producer, fx.show.id);
    expect(released.map((s) => s.id)).toEqual([waiting.id]);
    expect((await findEpisodeById(episode.id))?.closedAt).not.toBeNull();
  });

  it('lets the next "Open lines" start a new, empty episode in which a screener picks up a new caller', async () => {
    const { screening } = await fullEpisode();
    const { episode: ended } = await endShow(fx.producer, fx.show.id);
    const next = await openLines(fx.producer, fx.show.id);
    expect(next.id).not.toBe(ended.id);
    expect(Object.values((await getBoard(next.id)).board.groups).flat()).toEqual([]);
    const fresh = await ring('+14155550156');
    expect(fresh.episodeId).toBe(next.id);
    // The screener who was screening when the show ended is free again.
    await expect(runCallCommand(fx.screener, fresh.id, 'pickup')).resolves.toMatchObject({
      state: 'screening',
      screenerId: fx.screener.id,
    });
    expect((await findSession(screening.id))?.state).toBe('show_ended');
  });

  it('turns new callers away with the off-air message once the show has ended', async () => {
    await endShow(fx.producer, fx.show.id);
    const { decision } = await answerIncomingCall({
      callSid: newCallSid(),
      from: '+14155550157',
      to: fx.show.phoneNumber,
    });
    expect(decision).toBe('off_air');
  });

  it('refuses a screener, and changes nothing', async () => {
    const waiting = await ring('+14155550158');
    const error = await expectAppError(endShow(fx.screener, fx.show.id));
    expect([error.status, error.code]).toEqual([403, 'forbidden:show']);
    expect(await findSession(waiting.id)).toMatchObject({ state: 'queued' });
    expect((await findEpisodeById(fx.episode?.id ?? ''))?.closedAt).toBeNull();
  });

  it('answers 404 for an unknown show', async () => {
    const error = await expectAppError(endShow(fx.producer, '00000000-0000-4000-8000-000000000000'));
    expect([error.status, error.code]).toEqual([404, 'not_found:show']);
  });

  it('answers 409 when the lines are closed and nobody is left, or the show never had an episode', async () => {
    await closeLines(fx.producer, fx.show.id);
    const closed = await expectAppError(endShow(fx.producer, fx.show.id));
    expect([closed.status, closed.code]).toEqual([409, 'conflict:episode']);
    expect(closed.message).toBe('The show is not on: its lines are closed and nobody is waiting.');
    const other = await createCallFixture((await getDbHandle()).db, { phoneNumber: '+15005550007', open: false });
    expect((await expectAppError(endShow(other.producer, other.show.id))).status).toBe(409);
  });

  it('releases each caller once when the show is ended twice at the same moment', async () => {
    await fullEpisode();
    const results = await Promise.allSettled([endShow(fx.producer, fx.show.id), endShow(fx.host, fx.show.id)]);
    const released = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.released.map((s) => s.id) : []));
    expect(released).toHaveLength(5);
    expect(new Set(released).size).toBe(5);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as { status: number }).status).toBe(409);
  });
});
