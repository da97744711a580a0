import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { BlockListManager } from '@/components/console/block-list-manager';
import { ProducerNav } from '@/components/console/producer-nav';
import { requirePageActor } from '@/lib/auth/guard';
import { blockList } from '@/lib/producer/block-list';

export const metadata: Metadata = { title: 'Block list' };
export const dynamic = 'force-dynamic';

export default async function BlocksPage() {
  const actor = await requirePageActor(['producer'], '/producer/blocks');
  const blocked = (await blockList(actor)).map((b) => ({ ...b, blockedAt: b.blockedAt?.toISOString() ?? null }));
  return (
    <>
      <AppHeader actor={actor} current="/producer" />
      <main className="mx-auto max-w-[1600px] space-y-4 p-4">
        <ProducerNav current="/producer/blocks" />
        <h1 className="text-2xl font-bold">Block list</h1>
        <p className="text-studio-200">
          Blocked numbers hear a short refusal and never reach the queue. Block from a call in the live overview, or add
          a number here.
        </p>
        <BlockListManager blocked={blocked} />
      </main>
    </>
  );
}
