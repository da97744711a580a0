import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SHOW_NUMBER, startHarness, twiml, type Harness } from './support/harness';
import { waitForCall, waitForRequests } from './support/wait';

/**
 * Withheld caller IDs reach the app as the carrier sent them: Twilio keeps alpha strings such as ANONYMOUS or
 * RESTRICTED (changelog 2022-11-16, "Upcoming changes to withheld caller IDs behavior for <Dial> calls"), older
 * paths spell them on the keypad (+266696687 = ANONYMOUS), and carriers may send invalid or no caller ID
 * (https://www.twilio.com/docs/api/errors/13214).
 */
const WITHHELD_FORMS = ['Anonymous', 'Restricted', 'Unavailable', 'ANONYMOUS', '+266696687', '266696687', ''];

describe('withheld caller IDs on inbound calls', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.provisionShowNumber({ statusCallback: `${h.app.url}/status` });
  });
  afterEach(() => h.close());

  it.each(WITHHELD_FORMS)(
    'rings with From %j and passes it unchanged in the voice webhook, status callback and REST',
    async (from) => {
      h.app.route('/voice', twiml('<Say>Hello</Say><Hangup/>'));
      const sid = await h.ring(from);
      const [voice] = await waitForRequests(h, '/voice');
      expect(voice?.params).toMatchObject({ CallSid: sid, From: from, Caller: from, To: SHOW_NUMBER });
      expect(voice?.signatureValid).toBe(true);
      await waitForCall(h, sid, (c) => c.status === 'completed');
      const [status] = await waitForRequests(h, '/status');
      expect(status?.params).toMatchObject({ CallSid: sid, From: from, CallStatus: 'completed' });
      const fetched = await h.rest('GET', `/Calls/${sid}.json`);
      expect(fetched.body.from).toBe(from);
    },
  );

  it('refuses a caller ID that no carrier sends, with 20001', async () => {
    for (const from of ['<script>', 'client:alice', '+1 415 555 0100']) {
      const answer = await h.control('POST', '/_emulator/calls', { from, to: SHOW_NUMBER });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 20001 });
    }
  });
});
