import type { Metadata } from 'next';
import Link from 'next/link';
import { AppHeader } from '@/components/app-header';
import { requirePageActor } from '@/lib/auth/guard';
import { listShows } from '@/lib/db/shows';

export const metadata: Metadata = { title: 'Shows' };

export default async function ShowsPage() {
  const actor = await requirePageActor(['producer'], '/producer/shows');
  const shows = await listShows();
  return (
    <>
      <AppHeader actor={actor} current="/producer/shows" />
      <main className="mx-auto max-w-5xl space-y-6 p-6">
        <div className="flex items-center justify-between">
          <h1 className="text-2xl font-bold">Shows</h1>
          <Link
            href="/producer/shows/new"
            className="rounded-md bg-screening px-4 py-3 font-semibold text-studio-950 hover:bg-sky-300"
          >
            New show
          </Link>
        </div>
        {shows.length === 0 ? (
          <p className="text-studio-400">No shows yet. Create one to give callers a number to ring.</p>
        ) : (
          <ul
            className="divide-y divide-studio-700 rounded-lg border border-studio-700 bg-studio-900"
            aria-label="Shows"
          >
            {shows.map((show) => (
              <li key={show.id} className="flex flex-wrap items-center gap-4 p-4">
                <Link
                  href={`/producer/shows/${show.id}`}
                  className="text-lg font-semibold text-screening hover:underline"
                >
                  {show.name}
                </Link>
                <span className="font-mono text-studio-200">{show.phoneNumber}</span>
                <span className="text-sm text-studio-400">queue limit {show.maxQueue}</span>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
