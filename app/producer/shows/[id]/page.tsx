import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AppHeader } from '@/components/app-header';
import { requirePageActor } from '@/lib/auth/guard';
import { findShowById } from '@/lib/db/shows';
import { uuid } from '@/lib/validation/fields';
import { updateShowAction } from '../actions';
import { ShowForm } from '../show-form';

export const metadata: Metadata = { title: 'Edit show' };

export default async function EditShowPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ created?: string }>;
}) {
  const { id } = await params;
  const actor = await requirePageActor(['producer'], `/producer/shows/${id}`);
  const show = uuid.safeParse(id).success ? await findShowById(id) : undefined;
  if (!show) notFound();
  const { created } = await searchParams;
  return (
    <>
      <AppHeader actor={actor} current="/producer/shows" />
      <main className="mx-auto max-w-5xl space-y-6 p-6">
        <h1 className="text-2xl font-bold">{show.name}</h1>
        <ShowForm
          action={updateShowAction}
          notice={
            created ? (
              <>
                Show created. Point its Twilio number here with <code>npm run twilio:setup</code>, or ring it in
                rehearsal mode.
              </>
            ) : undefined
          }
          submitLabel="Save show"
          values={{
            id: show.id,
            name: show.name,
            slug: show.slug,
            phoneNumber: show.phoneNumber,
            greeting: show.greeting,
            offAirMessage: show.offAirMessage,
            holdAudioUrl: show.holdAudioUrl ?? '',
            maxQueue: show.maxQueue,
            onAirLimit: show.onAirLimit,
            callbackOfferAfter: show.callbackOfferAfter,
            callbackRetry: show.callbackRetry ? 'retry' : 'drop',
            deckAudio: show.deckAudio,
            withheldPolicy: show.withheldPolicy,
          }}
        />
      </main>
    </>
  );
}
