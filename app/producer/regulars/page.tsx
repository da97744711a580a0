import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { ProducerNav } from '@/components/console/producer-nav';
import { RegularsManager } from '@/components/console/regulars-manager';
import { requirePageActor } from '@/lib/auth/guard';
import { regularsList } from '@/lib/producer/regulars';

export const metadata: Metadata = { title: 'Regulars' };
export const dynamic = 'force-dynamic';

export default async function RegularsPage() {
  const actor = await requirePageActor(['producer'], '/producer/regulars');
  const regulars = (await regularsList(actor)).map((r) => ({
    id: r.id,
    phoneNumber: r.phoneNumber,
    name: r.name,
    note: r.note,
    until: r.until?.toISOString() ?? null,
    expired: r.expired,
    markedByName: r.markedByName,
    callCount: r.callCount,
    airedCount: r.airedCount,
  }));
  return (
    <>
      <AppHeader actor={actor} current="/producer" />
      <main className="mx-auto max-w-[1600px] space-y-4 p-4">
        <ProducerNav current="/producer/regulars" />
        <h1 className="text-2xl font-bold">Regulars</h1>
        <p className="text-studio-200">
          Trusted regulars go to the front of the queue with a Regular badge, and your note is on their card when a
          screener picks them up. An expiry ends that on its date; the number then queues like anyone.
        </p>
        <RegularsManager regulars={regulars} />
      </main>
    </>
  );
}
