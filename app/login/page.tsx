import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/guard';
import { HOME_BY_ROLE } from '@/lib/auth/roles';
import { DEMO_ACCOUNTS } from '@/lib/bootstrap/demo';
import { isRehearsal } from '@/lib/env';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const actor = await currentActor();
  if (actor) redirect(HOME_BY_ROLE[actor.role]);
  const { next } = await searchParams;
  return (
    <main className="mx-auto flex min-h-[80vh] max-w-md flex-col justify-center px-6 py-12">
      <h1 className="mb-2 text-3xl font-bold tracking-tight">Switchboard</h1>
      <p className="mb-8 text-studio-400">Sign in to screen callers, host, or produce the show.</p>
      <LoginForm next={next} />
      {isRehearsal() && (
        <section
          aria-labelledby="demo-accounts"
          className="mt-10 rounded-lg border border-waiting/50 bg-studio-900 p-4 text-sm"
        >
          <h2 id="demo-accounts" className="mb-2 font-semibold text-waiting">
            Rehearsal mode: demo accounts
          </h2>
          <ul className="space-y-1 text-studio-200">
            {DEMO_ACCOUNTS.map((account) => (
              <li key={account.email}>
                {account.role}: <code>{account.email}</code> / <code>{account.password}</code>
              </li>
            ))}
            <li>producer: the account printed in the terminal when the app first started</li>
          </ul>
        </section>
      )}
    </main>
  );
}
