const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes with their own proof of origin: Twilio signs its webhooks, Auth.js checks its own CSRF token. */
const EXEMPT_PREFIXES = ['/api/twilio/', '/api/auth/'];

export interface OriginCheckInput {
  method: string;
  pathname: string;
  headers: Headers;
  /** Origins the app is reached at besides the Host header's own (e.g. PUBLIC_BASE_URL behind a proxy). */
  extraOrigins?: string[];
}

/**
 * CSRF defence for cookie-authenticated requests, API calls and server actions (a POST to a page) alike: a
 * state-changing request must come from a page of this app (its Origin, or failing that its Referer, names
 * this host). Next.js itself lets a server action without an Origin through, and answers a foreign one with a
 * 500. Bearer-token API calls carry no ambient credential, so another site cannot forge them, and are let through.
 */
export function crossSiteRefusal(input: OriginCheckInput): string | null {
  if (!STATE_CHANGING.has(input.method.toUpperCase())) return null;
  if (EXEMPT_PREFIXES.some((prefix) => input.pathname.startsWith(prefix))) return null;
  if (input.pathname.startsWith('/api/') && /^Bearer\s+\S+$/i.test(input.headers.get('authorization') ?? ''))
    return null;
  const claimed = input.headers.get('origin') ?? originOf(input.headers.get('referer'));
  if (!claimed || claimed === 'null')
    return 'This request did not say which page sent it, so it was refused. Use the app, or an API token.';
  const hosts = [input.headers.get('x-forwarded-host'), input.headers.get('host')].filter((h): h is string =>
    Boolean(h),
  );
  const allowed = new Set([...(input.extraOrigins ?? []).map(originOf).filter((o): o is string => Boolean(o))]);
  const claimedHost = hostOf(claimed);
  if (allowed.has(claimed) || (claimedHost !== null && hosts.includes(claimedHost))) return null;
  return 'This request came from another website, so it was refused.';
}

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
