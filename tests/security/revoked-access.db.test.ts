import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { getDbHandle } from '@/lib/db/client';
import { revokedSessions } from '@/lib/db/schema';
import { authenticate } from '@/lib/auth/authenticate';
import { sessionActor } from '@/lib/auth/session-actor';
import { findSession } from '@/lib/db/call-sessions';
import { revokeSession } from '@/lib/db/users';
import { runCallCommand } from '@/lib/calls/commands';
import { resetTeamMemberPassword, setTeamMemberDisabled } from '@/lib/team/manage-team';
import { eventually } from '@/tests/support/eventually';
import { SHOW_NUMBER, setUpCallFlowSuite } from '@/tests/support/call-flow-suite';
import { createActor } from '@/tests/support/factories';

/**
 * Taking someone's access away works at once: a session cookie issued before a password reset, a sign-out or
 * disabling the account no longer stands for anyone, and a disabled screener's browser is cut off from the
 * caller they were screening, who goes back to the queue.
 */

const t = setUpCallFlowSuite();

/** The claims Auth.js puts in the cookie of a sign-in (lib/auth/config.ts: the user, their epoch, a session id). */
async function signIn(email: string, password: string) {
  const result = await authenticate({ email, password, ip: null });
  if (!result.ok) throw new Error(`could not sign in as ${email}: ${result.reason}`);
  return { id: result.user.id, epoch: result.user.sessionEpoch, sid: randomUUID() };
}
const inTwelveHours = () => new Date(Date.now() + 12 * 60 * 60 * 1000);

describe('sessions', () => {
  it('a password reset ends the sessions signed in before it; signing in with the new password works', async () => {
    const member = await createActor('screener', { password: 'old-password-1' });
    const before = await signIn(member.email, 'old-password-1');
    expect(await sessionActor(before)).toMatchObject({ id: member.id, role: 'screener' });
    await resetTeamMemberPassword(t.fx.producer, { userId: member.id, password: 'new-password-22' });
    expect(await sessionActor(before)).toBeNull();
    expect(await sessionActor(await signIn(member.email, 'new-password-22'))).toMatchObject({ id: member.id });
  });

  it('signing out ends that session (a copy of the cookie no longer works), not the same person’s session on another machine', async () => {
    const member = await createActor('host', { password: 'right-password-1' });
    const studio = await signIn(member.email, 'right-password-1');
    const laptop = await signIn(member.email, 'right-password-1');
    await revokeSession(studio.sid, inTwelveHours());
    expect(await sessionActor(studio)).toBeNull();
    expect(await sessionActor(laptop)).toMatchObject({ id: member.id });
    expect(await sessionActor(await signIn(member.email, 'right-password-1'))).toMatchObject({ id: member.id });
  });

  it('forgets a signed-out session once its cookie has expired anyway', async () => {
    const member = await createActor('host', { password: 'right-password-1' });
    const old = await signIn(member.email, 'right-password-1');
    await revokeSession(old.sid, new Date(Date.now() - 1000));
    const { db } = await getDbHandle();
    await revokeSession(randomUUID(), inTwelveHours());
    expect((await db.select().from(revokedSessions)).map((r) => r.sessionId)).not.toContain(old.sid);
  });

  it('disabling ends the sessions, and enabling the account again does not bring the old ones back', async () => {
    const member = await createActor('host', { password: 'right-password-1' });
    const cookie = await signIn(member.email, 'right-password-1');
    await setTeamMemberDisabled(t.fx.producer, { userId: member.id, disabled: true });
    expect(await sessionActor(cookie)).toBeNull();
    await setTeamMemberDisabled(t.fx.producer, { userId: member.id, disabled: false });
    expect(await sessionActor(cookie)).toBeNull();
    expect(await sessionActor(await signIn(member.email, 'right-password-1'))).toMatchObject({ id: member.id });
  });

  it('a cookie without an epoch (issued before sessions could be revoked) or with a made-up one stands for nobody', async () => {
    const member = await createActor('producer', { password: 'right-password-1' });
    const sid = randomUUID();
    expect(await sessionActor({ id: member.id, sid })).toBeNull();
    expect(await sessionActor({ id: member.id, epoch: 0 }), 'no session id').toBeNull();
    expect(await sessionActor({ id: member.id, epoch: 5, sid })).toBeNull();
    expect(await sessionActor({ id: member.id, epoch: '0', sid })).toBeNull();
    expect(await sessionActor({ id: member.id, epoch: 0, sid })).toMatchObject({ id: member.id });
  });
});

describe('disabling a screener in the middle of a call', () => {
  it('hangs up their browser and puts the caller they were screening back in the queue, hearing hold audio', async () => {
    const screenerLeg = await t.h.connectBrowser(t.fx.screener);
    await eventually(() => t.h.call(screenerLeg).room, 'the screener’s browser in the screening room');
    const callSid = await t.h.ring('+14155557601', SHOW_NUMBER);
    const session = await t.session(callSid);
    await t.settled(callSid, 'the caller queued');
    await runCallCommand(t.fx.screener, session.id, 'pickup');
    await t.settled(callSid, 'the caller with the screener');
    expect(t.heardSids(callSid)).toContain(screenerLeg);

    await setTeamMemberDisabled(t.fx.producer, { userId: t.fx.screener.id, disabled: true });

    expect(t.h.call(screenerLeg).status, 'the browser leg is hung up by the time the producer sees the answer').toBe(
      'completed',
    );
    expect((await findSession(session.id))?.state).toBe('queued');
    const back = await t.settled(callSid, 'the caller back in its hold room');
    expect(back.state).toBe('queued');
    expect(t.heardSids(callSid) ?? []).not.toContain(screenerLeg);
    expect(t.h.call(callSid).status).toBe('in-progress');
  });

  it('also hangs up a disabled host’s browser in the live room, and leaves other staff connected', async () => {
    const hostLeg = await t.h.connectBrowser(t.fx.host, { room: 'live', episodeId: t.fx.episode?.id ?? '' });
    const screenerLeg = await t.h.connectBrowser(t.fx.screener);
    await eventually(() => t.h.call(hostLeg).room && t.h.call(screenerLeg).room, 'staff browsers in their rooms');
    await setTeamMemberDisabled(t.fx.producer, { userId: t.fx.host.id, disabled: true });
    expect(t.h.call(hostLeg).status).toBe('completed');
    expect(t.h.call(screenerLeg).status).toBe('in-progress');
  });
});
