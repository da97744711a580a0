/**
 * The client's address as the nearest proxy saw it; used only to count failed logins. Each proxy appends to
 * X-Forwarded-For, so only the last entry was written by infrastructure we run; anything before it is what
 * the client claimed. Deployments must sit behind a proxy that appends (or overwrites) the header.
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  if (forwarded) {
    const entries = forwarded.split(',').map((entry) => entry.trim()).filter(Boolean);
    const nearest = entries[entries.length - 1];
    if (nearest) return nearest;
  }
  return headers.get('x-real-ip');
}
