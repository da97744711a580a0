import Link from 'next/link';
import { signOutAction } from '@/app/actions/sign-out';
import type { Actor } from '@/lib/auth/actor';
import { nameWithRole, roleAllows } from '@/lib/auth/roles';
import type { Role } from '@/lib/auth/roles';

const LINKS: { href: string; label: string; roles: Role[] }[] = [
  { href: '/screen', label: 'Screen', roles: ['screener'] },
  { href: '/host', label: 'Host', roles: ['host'] },
  { href: '/producer', label: 'Show room', roles: ['producer'] },
  { href: '/producer/shows', label: 'Shows', roles: ['producer'] },
  { href: '/producer/team', label: 'Team', roles: ['producer'] },
];

export function AppHeader({ actor, current }: { actor: Actor; current: string }) {
  return (
    <header className="flex flex-wrap items-center gap-4 border-b border-studio-700 bg-studio-900 px-4 py-2">
      <span className="text-lg font-bold tracking-tight">Switchboard</span>
      <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
        {LINKS.filter((link) => roleAllows(actor.role, link.roles)).map((link) => (
          <Link
            key={link.href}
            href={link.href}
            aria-current={current === link.href ? 'page' : undefined}
            className="rounded-md px-3 py-2 text-studio-200 hover:bg-studio-700 aria-[current=page]:bg-studio-700 aria-[current=page]:text-studio-50"
          >
            {link.label}
          </Link>
        ))}
      </nav>
      <span className="text-sm text-studio-400">{nameWithRole(actor.name, actor.role)}</span>
      <form action={signOutAction}>
        <button
          type="submit"
          className="min-h-11 rounded-md border border-studio-600 px-3 py-2 text-sm hover:bg-studio-700"
        >
          Sign out
        </button>
      </form>
    </header>
  );
}
