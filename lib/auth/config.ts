import 'server-only';
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { logProblem } from '@/lib/log';
import { authenticate, credentialsSchema } from './authenticate';
import { clientAddress } from './client-address';
import { authSecret } from './secret';

export class ThrottledLogin extends CredentialsSignin {
  code = 'throttled';
}

const tokenClaims = z.object({ uid: z.string(), role: z.enum(ROLES) });

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  secret: authSecret(),
  session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
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
        if (result.ok) return { id: result.user.id, name: result.user.name, email: result.user.email, role: result.user.role };
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
      }
      return token;
    },
    session({ session, token }) {
      const claims = tokenClaims.safeParse(token);
      if (claims.success) Object.assign(session.user, { id: claims.data.uid, role: claims.data.role });
      return session;
    },
  },
});
