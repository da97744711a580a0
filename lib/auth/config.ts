import 'server-only';
import { randomUUID } from 'node:crypto';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { ROLES, type Role } from '@/lib/auth/roles';
import { logProblem } from '@/lib/log';
import { authenticate, credentialsSchema } from './authenticate';
import { clientAddress } from './client-address';
import { authSecret } from './secret';

export class ThrottledLogin extends CredentialsSignin {
  code = 'throttled';
}

// uid and the account's session epoch identify the holder; sid this one sign-in, so that signing out ends it.
const tokenClaims = z.object({ uid: z.string(), role: z.enum(ROLES), epoch: z.number().int(), sid: z.string() });

/** What a decoded session cookie says of its holder, or null when it is not one of ours. */
export function sessionClaimsOf(token: unknown): { id: string; role: Role; epoch: number; sid: string } | null {
  const claims = tokenClaims.safeParse(token);
  if (!claims.success) return null;
  return { id: claims.data.uid, role: claims.data.role, epoch: claims.data.epoch, sid: claims.data.sid };
}

/** How long a session cookie lasts; a signed-out session is remembered as long. */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: '/login', error: '/login' },
  logger: {
    // A wrong password is an everyday event, not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logProblem('error', 'auth', error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await authenticate({ ...parsed.data, ip: clientAddress(request.headers) });
        if (result.ok)
          return {
            id: result.user.id,
            name: result.user.name,
            email: result.user.email,
            role: result.user.role,
            epoch: result.user.sessionEpoch,
          };
        if (result.reason === 'throttled') throw new ThrottledLogin();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = (user as { role?: string }).role;
        token.epoch = (user as { epoch?: number }).epoch;
        token.sid = randomUUID();
      }
      return token;
    },
    session({ session, token }) {
      const claims = sessionClaimsOf(token);
      if (claims) Object.assign(session.user, claims);
      return session;
    },
  },
});
