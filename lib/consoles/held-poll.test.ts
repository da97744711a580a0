import { describe, expect, it } from 'vitest';
import { HELD_POLL_MAX_SECONDS, preferWaitHeader, requestedWaitSeconds, waitWasApplied } from './held-poll';

describe('Prefer: wait (RFC 7240) on a console poll', () => {
  it('reads the wait asked for, among other preferences and with parameters', () => {
    expect(requestedWaitSeconds(preferWaitHeader(10))).toBe(10);
    expect(requestedWaitSeconds('respond-async, wait=5')).toBe(5);
    expect(requestedWaitSeconds('WAIT = "7"; foo=bar')).toBe(7);
  });

  it(`holds no poll longer than ${HELD_POLL_MAX_SECONDS} s, whatever is asked`, () => {
    expect(requestedWaitSeconds('wait=3600')).toBe(HELD_POLL_MAX_SECONDS);
    expect(requestedWaitSeconds('wait=99999999999')).toBe(0);
  });

  it('asks for no wait without the header, with another preference, or with a wait that is not a number', () => {
    expect(requestedWaitSeconds(null)).toBe(0);
    expect(requestedWaitSeconds('return=minimal')).toBe(0);
    expect(requestedWaitSeconds('wait=-1')).toBe(0);
    expect(requestedWaitSeconds('wait=soon')).toBe(0);
    expect(waitWasApplied(null)).toBe(false);
    expect(waitWasApplied('wait=25')).toBe(true);
  });
});
