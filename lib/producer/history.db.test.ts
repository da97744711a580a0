import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerIncomingCall } from '@/lib/calls/door';
import { runCallCommand } from '@/lib/calls/commands';
import { getDbHandle } from '@/lib/db/client';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { pointAtUnreachableTwilio } from '@/tests/support/offline-twilio';
import { truncateAll } from '@/tests/support/test-database';
import { findCallHistory, historyCsv, historyFilterSchema } from './history';
import { latestEpisodeStats } from './stats';

let fx: CallFixture;

beforeAll(() => pointAtUnreachableTwilio());
beforeEach(async () => {
  await truncateAll(await getDbHandle());
  fx = await createCallFixture((await getDbHandle()).db);
});

async function ring(from: string) {
  const { session } = await answerIncomingCall({ callSid: newCallSid(), from, to: fx.show.phoneNumber });
  if (!session) throw new Error('no session');
  return session;
}

/** Ada is aired and dropped, Bob rejected, Cyd still waiting. */
async function aShow() {
  const ada = await ring('+14155550101');
  await runCallCommand(fx.screener, ada.id, 'pickup');
  await runCallCommand(fx.screener, ada.id, 'approve', { card: { name: 'Ada Lovelace', topic: 'Engines' } });
  await runCallCommand(fx.host, ada.id, 'air');
  await runCallCommand(fx.host, ada.id, 'drop');
  const bob = await ring('+14155550102');
  await runCallCommand(fx.screener, bob.id, 'pickup');
  await runCallCommand(fx.screener, bob.id, 'reject', { reason: 'Off topic', card: { name: 'Bob, "the Troll"' } });
  await ring('+14155550103');
}

describe('call history', () => {
  it('finds calls by part of a number or a name, and filters by outcome and episode', async () => {
    await aShow();
    const all = historyFilterSchema.parse({});
    expect(await findCallHistory(fx.producer, all)).toHaveLength(3);
    expect(
      (await findCallHistory(fx.producer, historyFilterSchema.parse({ q: 'lovelace' }))).map((r) => r.fromNumber),
    ).toEqual(['+14155550101']);
    expect((await findCallHistory(fx.producer, historyFilterSchema.parse({ q: '0102' }))).map((r) => r.name)).toEqual([
      'Bob, "the Troll"',
    ]);
    expect(
      (await findCallHistory(fx.producer, historyFilterSchema.parse({ q: '(415) 555-0103' }))).map((r) => r.state),
    ).toEqual(['queued']);
    const rejected = await findCallHistory(fx.producer, historyFilterSchema.parse({ outcome: 'rejected' }));
    expect(rejected).toMatchObject([
      { fromNumber: '+14155550102', rejectReason: 'Off topic', screenerName: fx.screener.name },
    ]);
    expect(
      await findCallHistory(fx.producer, historyFilterSchema.parse({ episode: fx.episode?.id, outcome: 'completed' })),
    ).toHaveLength(1);
    expect(
      await findCallHistory(
        fx.producer,
        historyFilterSchema.parse({ episode: '00000000-0000-4000-8000-000000000000' }),
      ),
    ).toEqual([]);
    expect(await findCallHistory(fx.producer, historyFilterSchema.parse({ q: '%' }))).toEqual([]);
  });

  it('exports the same rows as CSV', async () => {
    await aShow();
    const csv = historyCsv(await findCallHistory(fx.producer, historyFilterSchema.parse({ outcome: 'rejected' })));
    const [header, row] = csv.split('\r\n');
    expect(header).toBe(
      'arrived_at,phone_number,name,location,topic,episode,outcome,outcome_words,reject_reason,screener,wait_seconds,on_air_at,air_seconds,ended_at',
    );
    // Times are ISO 8601 with their offset; a phone number is quoted as text, not marked with an apostrophe.
    expect(row).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2},/);
    expect(row).toContain(
      `,"+14155550102","Bob, ""the Troll""",,,Test episode,rejected,rejected,Off topic,${fx.screener.name},`,
    );
  });

  it('counts the episode’s calls for the stats', async () => {
    await aShow();
    const [row] = await latestEpisodeStats(fx.producer);
    expect(row?.episode.id).toBe(fx.episode?.id);
    expect(row?.stats).toMatchObject({ calls: 3, answered: 2, aired: 1, rejected: 1, abandoned: 0 });
    expect(row?.stats.longestWaitSeconds).toBeGreaterThanOrEqual(0);
  });
});
