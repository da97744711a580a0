import { NextResponse, type NextRequest } from 'next/server';
import { crossSiteRefusal } from '@/lib/security/same-origin';

/** Refuses cross-site state-changing API calls before they reach a route (authorization is in the routes). */
export function proxy(request: NextRequest) {
  const refusal = crossSiteRefusal({
    method: request.method,
    pathname: request.nextUrl.pathname,
    headers: request.headers,
    extraOrigins: process.env.PUBLIC_BASE_URL ? [process.env.PUBLIC_BASE_URL] : [],
  });
  if (refusal) return NextResponse.json({ error: { code: 'forbidden:request', message: refusal } }, { status: 403 });
  return NextResponse.next();
}

export const config = { matcher: '/api/:path*' };
