import Link from 'next/link';

const LINKS = [
  { href: '/producer', label: 'Live overview' },
  { href: '/producer/history', label: 'Call history' },
  { href: '/producer/stats', label: 'Stats' },
  { href: '/producer/blocks', label: 'Block list' },
  { href: '/producer/regulars', label: 'Regulars' },
  { href: '/producer/tokens', label: 'API tokens' },
];

/** The show room's sections. */
export function ProducerNav({ current }: { current: string }) {
  return (
    <nav aria-label="Show room" className="flex flex-wrap gap-1 border-b border-studio-700 pb-2">
      {LINKS.map((link) => (
        <Link
          key={link.href}
          href={link.href}
          aria-current={current === link.href ? 'page' : undefined}
          className="flex min-h-11 items-center rounded-md px-3 text-studio-200 hover:bg-studio-700 aria-[current=page]:bg-studio-700 aria-[current=page]:font-semibold aria-[current=page]:text-studio-50"
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}
