import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { ScreenConsole } from '@/components/console/screen-console';
import { NoShows } from '@/components/console/no-shows';
import { requirePageActor } from '@/lib/auth/guard';
import { loadConsolePage } from '@/lib/consoles/page-data';

export const metadata: Metadata = { title: 'Screen' };
export const dynamic = 'force-dynamic';

export default async function ScreenPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requirePageActor(['screener'], '/screen');
  const data = await loadConsolePage(actor, await searchParams);
  return (
    <>
      <AppHeader actor={actor} current="/screen" />
      {data ? <ScreenConsole me={{ id: actor.id, name: actor.name }} {...data} /> : <NoShows />}
    </>
  );
}
