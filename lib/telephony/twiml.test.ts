import { describe, expect, it } from 'vitest';
import { callerPlacementTwiml, farewellTwiml, holdAudioTwiml, retryAfterHoldTwiml, staffPlacementTwiml } from './twiml';

const urls = {
  waitUrl: 'https://sb.example/twiml/hold.xml',
  conferenceStatus: 'https://sb.example/api/twilio/conference-status',
};

describe('TwiML builders', () => {
  it('greets a caller and puts it alone in its hold room, where it cannot start the conference', () => {
    const xml = callerPlacementTwiml(
      {
        room: 'hold-5b1f8c2e-0000-4000-8000-000000000001',
        muted: false,
        dialAction: 'https://sb.example/api/twilio/dial-action',
        greeting: 'Hello & welcome',
      },
      urls,
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello &amp; welcome</Say>' +
        '<Dial action="https://sb.example/api/twilio/dial-action" method="POST">' +
        '<Conference beep="false" waitUrl="https://sb.example/twiml/hold.xml" waitMethod="GET" ' +
        'statusCallback="https://sb.example/api/twilio/conference-status" statusCallbackMethod="POST" ' +
        'statusCallbackEvent="start end join leave mute hold" muted="false" startConferenceOnEnter="false" endConferenceOnExit="false">' +
        'hold-5b1f8c2e-0000-4000-8000-000000000001</Conference></Dial></Response>',
    );
  });

  it('joins deck callers muted and leaves out the greeting after the door', () => {
    const xml = callerPlacementTwiml({ room: 'live-e1', muted: true, dialAction: 'https://sb.example/a' }, urls);
    expect(xml).not.toContain('<Say>');
    expect(xml).toContain('muted="true"');
    expect(xml).toContain('>live-e1</Conference>');
  });

  it('lets a staff browser start its room and labels it', () => {
    const xml = staffPlacementTwiml({ room: 'screen-u1', label: 'screener-CA1', endConferenceOnExit: true }, urls);
    expect(xml).toContain('participantLabel="screener-CA1"');
    expect(xml).toContain('startConferenceOnEnter="true" endConferenceOnExit="true"');
    expect(xml).not.toContain('action=');
  });

  it('says goodbye and hangs up', () => {
    expect(farewellTwiml('Thanks')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Thanks</Say><Hangup/></Response>',
    );
    expect(farewellTwiml(null)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
  });

  it('loops hold audio forever', () => {
    expect(holdAudioTwiml('/hold/x.wav')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Play loop="0">/hold/x.wav</Play></Response>',
    );
  });

  it('plays the music once, then asks the webhook again', () => {
    expect(retryAfterHoldTwiml('https://sb.example/hold/x.wav', 'https://sb.example/api/twilio/voice?retry=1')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Play>https://sb.example/hold/x.wav</Play><Redirect method="POST">https://sb.example/api/twilio/voice?retry=1</Redirect></Response>',
    );
  });
});
