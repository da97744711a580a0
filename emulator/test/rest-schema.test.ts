import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLER, SHOW_NUMBER, startHarness, twiml, type Harness } from './support/harness';
import { validateResponse } from './support/schema-validator';

const A = '/2010-04-01/Accounts/{AccountSid}';

describe('REST answers validate against the Twilio OpenAPI subset', () => {
  let h: Harness;
  let callSid = '';
  let conferenceSid = '';
  const checked: string[] = [];

  async function check(
    method: 'GET' | 'POST',
    path: string,
    specPath: string,
    expected: number,
    form?: Record<string, string | string[]>,
  ) {
    const answer = await h.rest(method, path, form);
    expect(answer.status, JSON.stringify(answer.body)).toBe(expected);
    expect(validateResponse(`${A}${specPath}`, method === 'GET' ? 'get' : 'post', expected, answer.body)).toEqual([]);
    checked.push(`${method} ${specPath}`);
    return answer.body;
  }

  beforeAll(async () => {
    h = await startHarness();
    h.app.route('/voice', twiml('<Dial><Conference startConferenceOnEnter="false">schema-room</Conference></Dial>'));
  });
  afterAll(() => h.close());

  it('validates applications create, list, fetch and update', async () => {
    const app = await check('POST', '/Applications.json', '/Applications.json', 201, {
      FriendlyName: 'consoles',
      VoiceUrl: `${h.app.url}/voice`,
    });
    await check('GET', '/Applications.json?FriendlyName=consoles', '/Applications.json', 200);
    await check('GET', `/Applications/${String(app.sid)}.json`, '/Applications/{Sid}.json', 200);
    await check('POST', `/Applications/${String(app.sid)}.json`, '/Applications/{Sid}.json', 200, {
      VoiceMethod: 'GET',
    });
  });

  it('validates incoming phone numbers create, list, fetch and update', async () => {
    const number = await check('POST', '/IncomingPhoneNumbers.json', '/IncomingPhoneNumbers.json', 201, {
      PhoneNumber: SHOW_NUMBER,
      VoiceUrl: `${h.app.url}/voice`,
    });
    await check(
      'GET',
      `/IncomingPhoneNumbers.json?PhoneNumber=${encodeURIComponent(SHOW_NUMBER)}`,
      '/IncomingPhoneNumbers.json',
      200,
    );
    await check('GET', `/IncomingPhoneNumbers/${String(number.sid)}.json`, '/IncomingPhoneNumbers/{Sid}.json', 200);
    await check('POST', `/IncomingPhoneNumbers/${String(number.sid)}.json`, '/IncomingPhoneNumbers/{Sid}.json', 200, {
      StatusCallback: `${h.app.url}/status`,
    });
  });

  it('validates calls create, list, fetch and update', async () => {
    const call = await check('POST', '/Calls.json', '/Calls.json', 201, {
      To: CALLER,
      From: SHOW_NUMBER,
      Url: `${h.app.url}/voice`,
    });
    callSid = String(call.sid);
    expect(callSid).toMatch(/^CA[0-9a-f]{32}$/);
    await check('GET', '/Calls.json?PageSize=1', '/Calls.json', 200);
    await check('GET', `/Calls/${callSid}.json`, '/Calls/{Sid}.json', 200);
    await h.emulator.waitFor((s) => s.conferences.find((c) => c.friendlyName === 'schema-room'));
  });

  it('validates conferences list, fetch and update', async () => {
    const list = await check('GET', '/Conferences.json?FriendlyName=schema-room&Status=init', '/Conferences.json', 200);
    const [conference] = list.conferences as Array<{ sid: string }>;
    conferenceSid = conference?.sid ?? '';
    expect(conferenceSid).toMatch(/^CF[0-9a-f]{32}$/);
    await check('GET', `/Conferences/${conferenceSid}.json`, '/Conferences/{Sid}.json', 200);
  });

  it('validates participants create, list, fetch and update', async () => {
    const P = '/Conferences/{ConferenceSid}/Participants';
    await check('POST', `/Conferences/${conferenceSid}/Participants.json`, `${P}.json`, 201, {
      From: SHOW_NUMBER,
      To: '+14155550199',
      Label: 'guest',
    });
    await check('GET', `/Conferences/${conferenceSid}/Participants.json`, `${P}.json`, 200);
    await check('GET', `/Conferences/${conferenceSid}/Participants/${callSid}.json`, `${P}/{CallSid}.json`, 200);
    await check('POST', `/Conferences/${conferenceSid}/Participants/guest.json`, `${P}/{CallSid}.json`, 200, {
      Muted: 'true',
    });
  });

  it('validates a call update and a conference ended through the API', async () => {
    const call = await check('POST', `/Calls/${callSid}.json`, '/Calls/{Sid}.json', 200, {
      Twiml: '<Response><Pause length="60"/></Response>',
    });
    expect(call.status).toBe('in-progress');
    const ended = await check('POST', `/Conferences/${conferenceSid}.json`, '/Conferences/{Sid}.json', 200, {
      Status: 'completed',
    });
    expect(ended.reason_conference_ended).toBe('conference-ended-via-api');
    const hungUp = await check('POST', `/Calls/${callSid}.json`, '/Calls/{Sid}.json', 200, { Status: 'completed' });
    expect(hungUp.status).toBe('completed');
    expect(checked.length).toBeGreaterThanOrEqual(20);
  });

  it('shapes paging envelopes with working next and previous page URIs', async () => {
    for (const to of ['+14155550101', '+14155550102', '+14155550103']) {
      await h.rest('POST', '/Calls.json', { To: to, From: SHOW_NUMBER, Twiml: '<Response><Hangup/></Response>' });
    }
    const first = await h.rest('GET', '/Calls.json?PageSize=2');
    expect((first.body.calls as unknown[]).length).toBe(2);
    expect(first.body.next_page_uri).toMatch(/Page=1/);
    const response = await fetch(`${h.emulator.url}${String(first.body.next_page_uri)}`, {
      headers: {
        Authorization: `Basic ${Buffer.from(`${h.emulator.accountSid}:${h.emulator.authToken}`).toString('base64')}`,
      },
    });
    const second = (await response.json()) as Record<string, unknown>;
    expect(second.page).toBe(1);
    expect(second.previous_page_uri).toMatch(/Page=0/);
  });
});
