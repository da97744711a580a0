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

// Every path but Next's static files: server actions are POSTs to pages.
export const config = { matcher: '/((?!_next/static|_next/image|favicon.ico).*)' };
