import type { Metadata } from 'next';
import { AppHeader } from '@/components/app-header';
import { requirePageActor } from '@/lib/auth/guard';
import { createShowAction } from '../actions';
import { ShowForm } from '../show-form';

export const metadata: Metadata = { title: 'New show' };

export default async function NewShowPage() {
  const actor = await requirePageActor(['producer'], '/producer/shows/new');
  return (
    <>
      <AppHeader actor={actor} current="/producer/shows" />
      <main className="mx-auto max-w-5xl space-y-6 p-6">
        <h1 className="text-2xl font-bold">New show</h1>
        <ShowForm
          action={createShowAction}
          submitLabel="Create show"
          values={{
            name: '',
            slug: '',
            phoneNumber: '',
            greeting: 'Thanks for calling. A screener will be with you shortly.',
            offAirMessage: 'The lines are closed right now. Please call back during the show.',
            holdAudioUrl: '',
            maxQueue: 20,
            onAirLimit: 3,
            callbackOfferAfter: 60,
            callbackRetry: 'retry',
            deckAudio: 'show',
            withheldPolicy: 'accept',
          }}
        />
      </main>
    </>
  );
}
