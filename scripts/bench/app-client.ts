/** A signed-in user of the app: a session cookie from the Auth.js credentials flow, or a producer's API token. */
export interface AppUser {
  headers: Record<string, string>;
}

function cookiesFrom(response: Response, jar: Map<string, string>): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair && at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');

/** GET /api/auth/csrf, then POST /api/auth/callback/credentials with its cookie: what the login page does. */
export async function logIn(appUrl: string, email: string, password: string): Promise<AppUser> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  cookiesFrom(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signIn = await fetch(`${appUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${appUrl}/` }),
  });
  cookiesFrom(signIn, jar);
  if (![...jar.keys()].some((name) => name.endsWith('authjs.session-token')))
    throw new Error(`login as ${email} failed (${signIn.status})`);
  // Cookie-authenticated state changes must name their origin (the app's CSRF check).
  return { headers: { cookie: cookieHeader(jar), origin: appUrl } };
}

export async function appJson<T>(
  appUrl: string,
  user: AppUser,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${appUrl}${path}`, {
    method,
    headers: { ...user.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** A producer-issued API token (POST /api/tokens), used as Bearer by automation. */
export async function issueToken(appUrl: string, producer: AppUser): Promise<AppUser> {
  const { token } = await appJson<{ token: string }>(appUrl, producer, 'POST', '/api/tokens', {
    name: 'npm run bench',
  });
  return { headers: { authorization: `Bearer ${token}` } };
}

/** The demo show's id, read from the producer's show list (there is no JSON listing of shows). */
export async function findShowId(appUrl: string, producer: AppUser): Promise<string> {
  const html = await (await fetch(`${appUrl}/producer/shows`, { headers: producer.headers })).text();
  const match = /\/producer\/shows\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/.exec(html);
  if (!match?.[1]) throw new Error('no show found on /producer/shows');
  return match[1];
}
