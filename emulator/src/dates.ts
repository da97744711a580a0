/** RFC 2822 date as Twilio writes it, e.g. "Tue, 04 Mar 2025 10:00:00 +0000". */
export function rfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

export function rfc2822OrNull(ms: number | null): string | null {
  return ms === null ? null : rfc2822(ms);
}
