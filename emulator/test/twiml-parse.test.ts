import { describe, expect, it } from 'vitest';
import { parseTwiml, TwimlError } from '../src/twiml/parse-twiml';

const failure = (source: string): TwimlError => {
  try {
    parseTwiml(source);
  } catch (error) {
    if (error instanceof TwimlError) return error;
    throw error;
  }
  throw new Error('expected a TwimlError');
};

describe('TwiML parsing', () => {
  it('reads Conference attributes with their documented defaults', () => {
    const [dial] = parseTwiml(
      '<?xml version="1.0"?><Response><Dial action="/a"><Conference>room &amp; co</Conference></Dial></Response>',
    );
    expect(dial).toMatchObject({
      verb: 'Dial',
      action: '/a',
      method: 'POST',
      timeLimit: 14400,
      hangupOnStar: false,
      conference: {
        name: 'room & co',
        muted: false,
        beep: 'true',
        startConferenceOnEnter: true,
        endConferenceOnExit: false,
        waitUrl: null,
        maxParticipants: 250,
      },
    });
  });

  it('reads Gather with the defaults of the <Gather> page (/docs/voice/twiml/gather) and its nested prompt', () => {
    const [plain, custom] = parseTwiml(
      '<Response><Gather/><Gather input="dtmf" action="/m" method="get" timeout="9" finishOnKey="*" numDigits="4" actionOnEmptyResult="true"><Say>Hi</Say><Pause/></Gather></Response>',
    );
    expect(plain).toEqual({
      verb: 'Gather',
      action: null,
      method: 'POST',
      timeout: 5,
      finishOnKey: '#',
      numDigits: null,
      actionOnEmptyResult: false,
      prompt: [],
    });
    expect(custom).toEqual({
      verb: 'Gather',
      action: '/m',
      method: 'GET',
      timeout: 9,
      finishOnKey: '*',
      numDigits: 4,
      actionOnEmptyResult: true,
      prompt: [
        { verb: 'Say', text: 'Hi', loop: 1 },
        { verb: 'Pause', length: 1 },
      ],
    });
    expect(parseTwiml('<Response><Gather finishOnKey=""/></Response>')[0]).toMatchObject({ finishOnKey: '' });
    expect(failure('<Response><Gather numDigits="0"/></Response>').code).toBe(12200);
  });

  it("keeps waitUrl='' apart from a missing waitUrl", () => {
    const [dial] = parseTwiml('<Response><Dial><Conference waitUrl="">r</Conference></Dial></Response>');
    expect(dial).toMatchObject({ conference: { waitUrl: '' } });
  });

  it('reads Say, Play loop, Pause, Redirect, Hangup and Reject', () => {
    const verbs = parseTwiml(
      '<Response><Say>Hi</Say><Play loop="0">http://a/b.mp3</Play><Pause length="3"/><Redirect method="get">/next</Redirect><Hangup/><Reject reason="busy"/></Response>',
    );
    expect(verbs).toEqual([
      { verb: 'Say', text: 'Hi', loop: 1 },
      { verb: 'Play', url: 'http://a/b.mp3', loop: 0 },
      { verb: 'Pause', length: 3 },
      { verb: 'Redirect', url: '/next', method: 'GET' },
      { verb: 'Hangup' },
      { verb: 'Reject', reason: 'busy' },
    ]);
  });

  it('fails malformed XML with 12100 and schema errors with 12200', () => {
    expect(failure('<Response><Say>hi</Response>').code).toBe(12100);
    expect(failure('not xml').code).toBe(12100);
    expect(failure('<Reply/>').code).toBe(12200);
    expect(failure('<Response><Dance/></Response>').code).toBe(12200);
    expect(failure('<Response><Pause length="soon"/></Response>').code).toBe(12200);
    expect(failure('<Response><Dial><Conference beep="loud">r</Conference></Dial></Response>').code).toBe(12200);
    expect(
      failure(`<Response><Dial><Conference participantLabel="${'x'.repeat(129)}">r</Conference></Dial></Response>`)
        .code,
    ).toBe(12200);
    expect(failure('<Response><Record/></Response>').message).toMatch(/not supported by the emulator/);
  });
});
