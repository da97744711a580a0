import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { getDbHandle } from '@/lib/db/client';
import { REHEARSAL_AUTH_TOKEN } from '@/lib/telephony/config';
import * as conferenceStatus from '@/app/api/twilio/conference-status/route';
import * as dialAction from '@/app/api/twilio/dial-action/route';
import * as device from '@/app/api/twilio/device/route';
import * as status from '@/app/api/twilio/status/route';
import * as voice from '@/app/api/twilio/voice/route';
import { createCallFixture, newCallSid, type CallFixture } from '@/tests/support/call-fixtures';
import { truncateAll } from '@/tests/support/test-database';

/**
 * Finding 6 of issue 11: signed input from the phone network that made a webhook answer 5xx (or 400 on the
 * voice webhook), which a caller hears as "an application error". Voice webhooks answer TwiML whatever the
 * input; callbacks answer 4xx for input out of shape, never 5xx.
 */

const PUBLIC = 'https://switchboard.test';
process.env.PUBLIC_BASE_URL = PUBLIC;
delete process.env.TWILIO_ACCOUNT_SID;

let fx: CallFixture;

beforeEach(async () => {
  const handle = await getDbHandle();
  await truncateAll(handle);
  fx = await createCallFixture(handle.db);
});

type Route = { POST: (request: Request) => Promise<Response> };

function signed(path: string, params: Record<string, string>): Request {
  const url = `${PUBLIC}${path}`;
  const signature = twilio.getExpectedTwilioSignature(REHEARSAL_AUTH_TOKEN, url, params);
  return new Request(`http://127.0.0.1:3000${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    body: new URLSearchParams(params).toString(),
  });
}

async function answer(route: Route, path: string, params: Record<string, string>) {
  const response = await route.POST(signed(path, params));
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
}

const randomText = (length: number) => randomBytes(length).toString('base64').slice(0, length);

describe('hostile input on the voice webhooks', () => {
  const voiceCases: [string, (p: Record<string, string>) => Record<string, string>][] = [
    ['a NUL byte in From', (p) => ({ ...p, From: '+1415\u00005550100' })],
    ['a NUL byte in To', (p) => ({ ...p, To: `${fx.show.phoneNumber}\u0000` })],
    ['a NUL byte in CallStatus', (p) => ({ ...p, CallStatus: 'ring\u0000ing' })],
    ['a 5 kB random From', (p) => ({ ...p, From: randomText(5000) })],
    ['an empty From', (p) => ({ ...p, From: '' })],
    ['no From at all', ({ From: _from, ...p }) => p],
  ];

  for (const [what, change] of voiceCases) {
    it(`answers TwiML, never an error, to a ringing call with ${what}`, async () => {
      const params = change({
        CallSid: newCallSid(),
        From: '+14155550100',
        To: fx.show.phoneNumber,
        CallStatus: 'ringing',
        Direction: 'inbound',
      });
      const result = await answer(voice, '/api/twilio/voice', params);
      expect(result.status).toBe(200);
      expect(result.type).toContain('text/xml');
      expect(result.body).toMatch(/^<\?xml[^>]*><Response>.*<\/Response>$/);
      expect(result.body).not.toContain('\u0000');
    });
  }

  it('still queues a caller whose From carried a NUL byte, with the number cleaned', async () => {
    const result = await answer(voice, '/api/twilio/voice', {
      CallSid: newCallSid(),
      From: '+1415555\u00000101',
      To: fx.show.phoneNumber,
    });
    expect(result.body).toContain('<Conference');
    expect(result.body).toMatch(/>hold-[0-9a-f-]{36}<\/Conference>/);
  });

  it('answers TwiML to a Dial action with a NUL byte or junk in its statuses', async () => {
    const result = await answer(dialAction, '/api/twilio/dial-action', {
      CallSid: newCallSid(),
      CallStatus: 'compl\u0000eted',
      DialCallStatus: randomText(3000),
    });
    expect(result.status).toBe(200);
    expect(result.body).toContain('<Response>');
  });

  it('answers TwiML to a browser leg with a 5 kB From', async () => {
    const result = await answer(device, '/api/twilio/device', { CallSid: newCallSid(), From: randomText(5000) });
    expect(result.status).toBe(200);
    expect(result.body).toContain('<Hangup/>');
  });

  it('answers TwiML even to a CallSid Twilio would never send, and still refuses a forged signature', async () => {
    const result = await answer(voice, '/api/twilio/voice', {
      CallSid: 'CA-not-a-sid',
      From: '+14155550100',
      To: fx.show.phoneNumber,
    });
    expect(result.status).toBe(200);
    expect(result.body).toContain('<Say>');
    const forged = await voice.POST(
      new Request(`${PUBLIC}/api/twilio/voice`, {
        method: 'POST',
        headers: { 'x-twilio-signature': 'forged' },
        body: 'CallSid=CA1',
      }),
    );
    expect(forged.status).toBe(403);
  });
});

describe('hostile input on the callbacks', () => {
  const statusCases: [string, Record<string, string>][] = [
    ['a NUL byte in CallStatus', { CallStatus: 'comp\u0000leted', SequenceNumber: '1' }],
    [
      'a NUL byte in Timestamp',
      { CallStatus: 'ringing', SequenceNumber: '1', Timestamp: 'Mon, 01 Jan 2025 00:00:00 +0000\u0000' },
    ],
    ['a SequenceNumber beyond int range', { CallStatus: 'ringing', SequenceNumber: '99999999999' }],
    ['a SequenceNumber just past int4', { CallStatus: 'ringing', SequenceNumber: '2147483648' }],
    ['a 5 kB CallStatus', { CallStatus: randomText(5000), SequenceNumber: '1' }],
    ['a 5 kB Timestamp', { CallStatus: 'ringing', SequenceNumber: '1', Timestamp: randomText(5000) }],
  ];
  for (const [what, extra] of statusCases) {
    it(`a call status callback with ${what} answers 2xx or 4xx, never 5xx`, async () => {
      const result = await answer(status, '/api/twilio/status', { CallSid: newCallSid(), ...extra });
      expect(result.status).toBeLessThan(500);
    });
  }

  const conferenceCases: [string, Record<string, string>][] = [
    [
      'a NUL byte in FriendlyName',
      {
        FriendlyName: 'hold-\u000000000000-0000-4000-8000-000000000000',
        StatusCallbackEvent: 'participant-join',
        SequenceNumber: '1',
      },
    ],
    [
      'a NUL byte in Timestamp',
      { FriendlyName: 'lobby', StatusCallbackEvent: 'conference-start', SequenceNumber: '1', Timestamp: 'x\u0000' },
    ],
    [
      'a SequenceNumber beyond int range',
      { FriendlyName: 'lobby', StatusCallbackEvent: 'conference-start', SequenceNumber: '99999999999999' },
    ],
    ['a 5 kB event name', { FriendlyName: 'lobby', StatusCallbackEvent: randomText(5000), SequenceNumber: '1' }],
    [
      'a 5 kB leave reason',
      {
        FriendlyName: 'lobby',
        StatusCallbackEvent: 'participant-leave',
        SequenceNumber: '1',
        CallSid: newCallSid(),
        ReasonParticipantLeft: randomText(5000),
      },
    ],
  ];
  for (const [what, extra] of conferenceCases) {
    it(`a conference callback with ${what} answers 2xx or 4xx, never 5xx`, async () => {
      const result = await answer(conferenceStatus, '/api/twilio/conference-status', {
        ConferenceSid: `CF${randomBytes(16).toString('hex')}`,
        ...extra,
      });
      expect(result.status).toBeLessThan(500);
    });
  }
});
