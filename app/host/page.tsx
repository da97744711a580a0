import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { HostConsole } from '@/components/console/host-console';
import { NoShows } from '@/components/console/no-shows';
import { requirePageActor } from '@/lib/auth/guard';
import { loadConsolePage } from '@/lib/consoles/page-data';

export const metadata: Metadata = { title: 'Host' };
export const dynamic = 'force-dynamic';

export default async function HostPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['host'], '/host');
  const data = await loadConsolePage(actor, await searchParams);
  return (
    <>
      <AppHeader actor={actor} current="/host" />
      {data ? <HostConsole me={{ id: actor.id, name: actor.name }} {...data} /> : <NoShows />}
    </>
  );
}
