import type { Metadata } from 'next';
import Link from 'next/link';
import { AppHeader } from '@/components/app-header';
import { requirePageActor } from '@/lib/auth/guard';
import { listShows } from '@/lib/db/shows';

export const metadata: Metadata = { title: 'Show room' };

export default async function ProducerPage() {
  const actor = await requirePageActor(['producer'], '/producer');
  const shows = await listShows();
  return (
    <>
      <AppHeader actor={actor} current="/producer" />
      <main className="mx-auto max-w-5xl space-y-6 p-6">
        <h1 className="text-2xl font-bold">Show room</h1>
        <section aria-labelledby="shows-heading" className="rounded-lg border border-studio-700 bg-studio-900 p-4">
          <h2 id="shows-heading" className="mb-3 text-lg font-semibold">
            Shows
          </h2>
          {shows.length === 0 ? (
            <p className="text-studio-400">
              No shows yet. <Link href="/producer/shows/new" className="text-screening underline">Create the first one</Link>.
            </p>
          ) : (
            <ul className="space-y-2">
              {shows.map((show) => (
                <li key={show.id}>
                  <Link href={`/producer/shows/${show.id}`} className="text-screening hover:underline">
                    {show.name}
                  </Link>{' '}
                  <span className="font-mono text-studio-400">{show.phoneNumber}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </main>
    </>
  );
}
