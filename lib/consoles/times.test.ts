import { describe, expect, it } from 'vitest';
import { formatLocalTime, isoWithOffset } from './times';

describe('times', () => {
  it('writes ISO 8601 with an explicit offset and no milliseconds', () => {
    expect(isoWithOffset(new Date('2026-12-04T16:42:47.123Z'))).toBe('2026-12-04T16:42:47+00:00');
  });

  it('names the time zone of every time it shows', () => {
    expect(formatLocalTime('2026-12-04T16:42:47Z', { timeZone: 'UTC' })).toMatch(/UTC/);
    expect(formatLocalTime('2026-07-04T16:42:47Z', { timeZone: 'America/New_York', date: true })).toMatch(/EDT|GMT-4/);
  });
});
