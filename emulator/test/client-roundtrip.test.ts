import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointTwilioClientAt } from '../index';
import { CALLER, SHOW_NUMBER, startHarness, twiml, type Harness } from './support/harness';

describe('the official twilio client round-trips every endpoint the app uses', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    h.app.route(
      '/voice',
      twiml(
        '<Dial><Conference startConferenceOnEnter="false" participantLabel="caller">client-room</Conference></Dial>',
      ),
    );
  });
  afterAll(() => h.close());

  it('creates, lists, fetches and deletes API keys, and the key authenticates', async () => {
    const key = await h.client.newKeys.create({ friendlyName: 'setup' });
    expect(key.sid).toMatch(/^SK[0-9a-f]{32}$/);
    expect(key.secret).toBeTruthy();
    expect((await h.client.keys.list()).map((k) => k.sid)).toContain(key.sid);
    expect((await h.client.keys(key.sid).fetch()).friendlyName).toBe('setup');
    const viaKey = pointTwilioClientAt(
      twilio(key.sid, key.secret, { accountSid: h.emulator.accountSid }),
      h.emulator.url,
    );
    expect(await viaKey.calls.list()).toEqual([]);
    await h.client.keys(key.sid).remove();
    await expect(viaKey.calls.list()).rejects.toMatchObject({ status: 401, code: 20003 });
  });

  it('provisions a number and a TwiML app and updates them', async () => {
    const app = await h.client.applications.create({ friendlyName: 'consoles', voiceUrl: `${h.app.url}/voice` });
    expect((await h.client.applications.list({ friendlyName: 'consoles' })).map((a) => a.sid)).toEqual([app.sid]);
    expect((await h.client.applications(app.sid).update({ voiceMethod: 'GET' })).voiceMethod).toBe('GET');
    expect((await h.client.applications(app.sid).fetch()).voiceUrl).toBe(`${h.app.url}/voice`);
    const number = await h.client.incomingPhoneNumbers.create({
      phoneNumber: SHOW_NUMBER,
      voiceUrl: `${h.app.url}/voice`,
    });
    const updated = await h.client
      .incomingPhoneNumbers(number.sid)
      .update({ statusCallback: `${h.app.url}/status`, voiceFallbackUrl: `${h.app.url}/fallback` });
    expect(updated.statusCallback).toBe(`${h.app.url}/status`);
    expect((await h.client.incomingPhoneNumbers.list({ phoneNumber: SHOW_NUMBER })).map((n) => n.sid)).toEqual([
      number.sid,
    ]);
    expect((await h.client.incomingPhoneNumbers(number.sid).fetch()).voiceFallbackUrl).toBe(`${h.app.url}/fallback`);
  });

  it('creates, fetches, lists and updates calls', async () => {
    const call = await h.client.calls.create({
      to: CALLER,
      from: SHOW_NUMBER,
      url: `${h.app.url}/voice`,
      statusCallback: `${h.app.url}/status`,
      statusCallbackEvent: ['initiated', 'answered', 'completed'],
    });
    expect(call.status).toBe('queued');
    await h.emulator.waitFor((s) => s.calls.find((c) => c.sid === call.sid)?.room === 'client-room');
    expect((await h.client.calls(call.sid).fetch()).status).toBe('in-progress');
    expect((await h.client.calls.list({ to: CALLER })).map((c) => c.sid)).toContain(call.sid);
    const conferences = await h.client.conferences.list({ friendlyName: 'client-room', status: 'init' });
    expect(conferences).toHaveLength(1);
    const conferenceSid = conferences[0]?.sid ?? '';
    expect((await h.client.conferences(conferenceSid).fetch()).friendlyName).toBe('client-room');
    const byLabel = await h.client.conferences(conferenceSid).participants('caller').fetch();
    expect(byLabel.callSid).toBe(call.sid);
    expect((await h.client.conferences(conferenceSid).participants('caller').update({ hold: true })).hold).toBe(true);
    const added = await h.client
      .conferences(conferenceSid)
      .participants.create({ from: SHOW_NUMBER, to: '+14155550177', label: 'guest one' });
    await h.emulator.waitFor((s) =>
      s.participants.find((p) => p.callSid === added.callSid && p.status === 'connected'),
    );
    expect((await h.client.conferences(conferenceSid).participants.list()).map((p) => p.label).sort()).toEqual([
      'caller',
      'guest one',
    ]);
    await h.client.conferences(conferenceSid).participants('guest one').remove();
    expect((await h.client.conferences(conferenceSid).participants.list()).map((p) => p.label)).toEqual(['caller']);
    await h.client.calls(call.sid).update({ twiml: '<Response><Say>Bye</Say></Response>' });
    expect(await h.client.conferences(conferenceSid).participants.list()).toEqual([]);
    const done = await h.emulator.waitFor((s) => s.calls.find((c) => c.sid === call.sid && c.status === 'completed'));
    expect(done.status).toBe('completed');
    await expect(h.client.conferences(conferenceSid).update({ status: 'completed' })).rejects.toMatchObject({
      code: 21220,
    });
  });

  it('lists through several pages with the client paging helpers', async () => {
    const all = await h.client.calls.list({ pageSize: 1 });
    expect(all.length).toBe(h.emulator.state().calls.length);
  });
});
