import type { CallerExpectation } from '@/tests/support/guarantees';
import type { FaultSuite } from '@/tests/support/fault-suite';

/**
 * A short show touching every room: one caller screened, put on air, back to deck, on air again and dropped;
 * one approved who hangs up on deck; one who gives up in the queue. Answers what each must end as.
 */
export async function playStandardShow(t: FaultSuite): Promise<CallerExpectation[]> {
  const { screener, host } = t.fx;
  await t.staffIn();
  const aired = await t.ring('+14155550101');
  const deck = await t.ring('+14155550102');
  const queued = await t.ring('+14155550103');
  await t.walk(aired, [
    [screener, 'pickup'],
    [screener, 'approve'],
    [host, 'air'],
  ]);
  await t.walk(deck, [
    [screener, 'pickup'],
    [screener, 'approve'],
  ]);
  await t.walk(aired, [
    [host, 'to_deck'],
    [host, 'air'],
  ]);
  await t.command(host, aired, 'drop');
  await t.h.hangUp(deck.callSid);
  await t.h.hangUp(queued.callSid);
  return [
    { callSid: aired.callSid, ends: 'completed' },
    { callSid: deck.callSid, ends: 'abandoned' },
    { callSid: queued.callSid, ends: 'abandoned' },
  ];
}

/** One caller through every room to a drop, and one who gives up in the queue: for slow scenarios. */
export async function playShortShow(t: FaultSuite): Promise<CallerExpectation[]> {
  const { screener, host } = t.fx;
  await t.staffIn();
  const aired = await t.ring('+14155550105');
  const queued = await t.ring('+14155550106');
  await t.walk(aired, [
    [screener, 'pickup'],
    [screener, 'approve'],
    [host, 'air'],
  ]);
  await t.command(host, aired, 'drop');
  await t.h.hangUp(queued.callSid);
  return [
    { callSid: aired.callSid, ends: 'completed' },
    { callSid: queued.callSid, ends: 'abandoned' },
  ];
}
