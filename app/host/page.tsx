import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { requirePageActor } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Host' };

export default async function HostPage() {
  const actor = await requirePageActor(['host'], '/host');
  return (
    <>
      <AppHeader actor={actor} current="/host" />
      <main className="p-6">
        <h1 className="text-2xl font-bold">On deck</h1>
        <p className="mt-2 text-studio-400">Approved callers appear here, ready to go on air.</p>
      </main>
    </>
  );
}
