/**
 * How the studio shows a moment in time: in the viewer's own time zone, always with the zone's name, so nobody
 * has to guess whether 14:05 is local or UTC. Safe in client components.
 */
export function formatLocalTime(
  at: Date | string | number,
  options: { date?: boolean; seconds?: boolean; timeZone?: string } = {},
): string {
  return new Date(at).toLocaleString(undefined, {
    ...(options.date ? { year: 'numeric', month: 'short', day: 'numeric' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' } : {}),
    timeZoneName: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
}

/** ISO 8601 with an explicit offset and no milliseconds, as spreadsheets and other programs read it: 2026-12-04T16:42:47+00:00. */
export function isoWithOffset(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}
