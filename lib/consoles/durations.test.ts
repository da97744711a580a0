import { describe, expect, it } from 'vitest';
import { formatDuration, secondsSince, spokenDuration } from './durations';

describe('durations', () => {
  it('formats minutes and seconds, and hours when there are any', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(-3)).toBe('0:00');
  });

  it('counts whole seconds since a time, never negative', () => {
    const now = Date.parse('2025-01-01T12:00:10Z');
    expect(secondsSince('2025-01-01T12:00:00Z', now)).toBe(10);
    expect(secondsSince('2025-01-01T12:00:20Z', now)).toBe(0);
    expect(secondsSince(null, now)).toBe(0);
    expect(secondsSince('not a date', now)).toBe(0);
  });

  it('says durations in words', () => {
    expect(spokenDuration(75)).toBe('1 minute 15 seconds');
    expect(spokenDuration(3600)).toBe('1 hour');
    expect(spokenDuration(0)).toBe('0 seconds');
  });
});
