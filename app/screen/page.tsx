import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { requirePageActor } from '@/lib/auth/guard';

export const metadata: Metadata = { title: 'Screen' };

export default async function ScreenPage() {
  const actor = await requirePageActor(['screener'], '/screen');
  return (
    <>
      <AppHeader actor={actor} current="/screen" />
      <main className="p-6">
        <h1 className="text-2xl font-bold">Screening</h1>
        <p className="mt-2 text-studio-400">Waiting callers appear here when the lines are open.</p>
      </main>
    </>
  );
}
