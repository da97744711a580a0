import type { Metadata } from 'next';
import Link from 'next/link';
import { AppHeader } from '@/components/app-header';
import { ProducerNav } from '@/components/console/producer-nav';
import { ShowRoom } from '@/components/console/show-room';
import { requirePageActor } from '@/lib/auth/guard';
import { loadConsolePage } from '@/lib/consoles/page-data';

export const metadata: Metadata = { title: 'Show room' };
export const dynamic = 'force-dynamic';

export default async function ProducerPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['producer'], '/producer');
  const data = await loadConsolePage(actor, await searchParams);
  return (
    <>
      <AppHeader actor={actor} current="/producer" />
      <main className="mx-auto max-w-[1600px] space-y-4 p-4">
        <ProducerNav current="/producer" />
        {data ? (
          <ShowRoom
            me={{ id: actor.id, name: actor.name }}
            showId={data.showId}
            initial={data.initial}
            serverNow={data.serverNow}
          />
        ) : (
          <p className="text-studio-400">
            No shows yet.{' '}
            <Link href="/producer/shows/new" className="text-screening underline">
              Create the first one
            </Link>
            .
          </p>
        )}
      </main>
    </>
  );
}
