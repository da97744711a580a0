import { NextResponse, type NextRequest } from 'next/server';
import { settings } from '@/lib/env';
import { crossSiteRefusal } from '@/lib/security/same-origin';

/** Refuses cross-site state-changing requests (API calls, server actions) before they reach a route or page (authorization is in those). */
export function proxy(request: NextRequest) {
  const publicBaseUrl = settings().PUBLIC_BASE_URL;
  const refusal = crossSiteRefusal({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
    extraOrigins: publicBaseUrl ? [publicBaseUrl] : [],
  });
  if (refusal) return NextResponse.json({ error: { code: 'forbidden:request', message: refusal } }, { status: 403 });
  return NextResponse.next();
}

// Every path that can change state (server actions are POSTs to pages), and none of the hot paths that cannot need
// it: Next's and our static files (hold music, wait TwiML), Twilio's webhooks (signed; exempt anyway), and the
// console poll (GET only). Running this proxy costs about 2 ms of CPU a request, a third of an idle console poll.
export const config = {
  matcher: '/((?!_next/static|_next/image|favicon.ico|hold/|twiml/|api/twilio/|api/shows/[^/]+/console).*)',
};
