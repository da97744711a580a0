import { describe, expect, it } from 'vitest';
import { findSession } from '@/lib/db/call-sessions';
import { eventually } from '@/tests/support/eventually';
import { setUpFaultSuite, SETTLE_MS } from '@/tests/support/fault-suite';

const t = setUpFaultSuite({ faultSeed: 53 });

describe("fault suite: the host's browser reloading mid-show", () => {
  it('drops nobody when the host reloads twice; deck and on-air callers hear hold audio, never silence, until the host is back', async () => {
    const { screener, host } = t.fx;
    let { hostLeg } = await t.staffIn();
    const deck = await t.ring('+14155550141');
    const aired = await t.ring('+14155550142');
    await t.walk(deck, [
      [screener, 'pickup'],
      [screener, 'approve'],
    ]);
    await t.walk(aired, [
      [screener, 'pickup'],
      [screener, 'approve'],
      [host, 'air'],
    ]);
    for (let reload = 0; reload < 2; reload++) {
      await t.h.hangUp(hostLeg);
      await eventually(
        () => [deck, aired].every((c) => t.h.call(c.callSid).hears?.kind === 'hold'),
        'everyone in the live room held while the host is away',
        SETTLE_MS,
      );
      hostLeg = await t.h.connectBrowser(host, { room: 'live', episodeId: t.fx.episode?.id ?? '' });
      const back = hostLeg;
      await eventually(
        () => {
          const heardByAired = t.h.call(aired.callSid).hears;
          const heardByDeck = t.h.call(deck.callSid).hears;
          return (
            heardByAired?.kind === 'conference' &&
            heardByAired.hears.some((p) => p.callSid === back) &&
            heardByDeck?.kind === 'conference' &&
            heardByDeck.hears.some((p) => p.callSid === aired.callSid)
          );
        },
        'the show back on for everyone',
        SETTLE_MS,
      );
      expect(await findSession(deck.id)).toMatchObject({ state: 'ready' });
      expect(await findSession(aired.id)).toMatchObject({ state: 'on_air' });
    }
    await t.command(host, aired, 'drop');
    await t.h.hangUp(deck.callSid);
    await t.expectGuarantees([
      { callSid: aired.callSid, ends: 'completed' },
      { callSid: deck.callSid, ends: 'abandoned' },
    ]);
  });

  it('a host reloading while its leave and join callbacks are lost still leaves nobody in silence for long: the reconciler holds and unholds', async () => {
    const { screener, host } = t.fx;
    const { hostLeg } = await t.staffIn();
    const deck = await t.ring('+14155550143');
    await t.walk(deck, [
      [screener, 'pickup'],
      [screener, 'approve'],
    ]);
    t.heal({ intervalMs: 150 });
    await t.h.faults({ callbacks: { kinds: ['conference'], dropProbability: 1 } });
    await t.h.hangUp(hostLeg);
    await eventually(
      () => t.h.call(deck.callSid).hears?.kind === 'hold',
      'the deck caller held by the reconciler',
      SETTLE_MS,
    );
    const back = await t.h.connectBrowser(host, { room: 'live', episodeId: t.fx.episode?.id ?? '' });
    await eventually(
      () => {
        const hears = t.h.call(deck.callSid).hears;
        return hears?.kind === 'conference' && hears.hears.some((p) => p.callSid === back);
      },
      'the deck caller hearing the host again',
      SETTLE_MS,
    );
    await t.h.clearFaults();
    await t.h.hangUp(deck.callSid);
    await t.expectGuarantees([{ callSid: deck.callSid, ends: 'abandoned' }]);
  });
});
