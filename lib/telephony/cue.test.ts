import { describe, expect, it } from 'vitest';
import { cueKey, cueTwiml, cueUrl, type Cue } from './cue';
import { MESSAGES } from './twiml';
import { cueSchema } from './webhook-schemas';

/** What the cue route answers for the URL the app gave Twilio. */
function spokenFor(cue: Cue): string {
  const query = Object.fromEntries(new URL(cueUrl(cue)).searchParams);
  return cueTwiml(cueSchema.parse(query));
}

describe('cue announcements', () => {
  it('speak the place and the wait carried in the URL, and only Say (no Hangup in an announcement)', () => {
    expect(spokenFor({ kind: 'position', position: 3, waitSeconds: 250 })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>You are caller 3. Your estimated wait is about 4 minutes.</Say></Response>',
    );
    expect(spokenFor({ kind: 'position', position: 1, waitSeconds: 20 })).toContain('less than a minute');
    expect(spokenFor({ kind: 'position', position: 2, waitSeconds: null })).toContain(
      '<Say>You are caller 2. Thank you for holding.</Say>',
    );
    expect(spokenFor({ kind: 'next' })).toContain(`<Say>${MESSAGES.youreNext}</Say>`);
  });

  it('key a change of place, not of the wait estimate', () => {
    expect(cueKey({ kind: 'position', position: 2, waitSeconds: 60 })).toBe(
      cueKey({ kind: 'position', position: 2, waitSeconds: 600 }),
    );
    expect(cueKey({ kind: 'next' })).toBe('next');
  });

  it('refuse a query that is not a cue, so nobody can make the route say anything else', () => {
    for (const query of [
      {},
      { cue: 'say', text: 'hello' },
      { cue: 'position' },
      { cue: 'position', position: '0' },
      { cue: 'position', position: '3', wait: '-1' },
      { cue: 'position', position: 'three' },
    ])
      expect(cueSchema.safeParse(query).success).toBe(false);
  });
});
