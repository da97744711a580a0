'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { formText, runAction, type FormState } from '@/lib/actions/run-action';
import { requireActor } from '@/lib/auth/guard';
import { createShow, updateShow } from '@/lib/shows/manage-shows';

function showFields(formData: FormData) {
  const field = (name: string) => formText(formData.get(name));
  return {
    name: field('name'),
    slug: field('slug'),
    phoneNumber: field('phoneNumber'),
    greeting: field('greeting'),
    offAirMessage: field('offAirMessage'),
    holdAudioUrl: field('holdAudioUrl'),
    maxQueue: field('maxQueue'),
    onAirLimit: field('onAirLimit'),
    deckAudio: field('deckAudio'),
    withheldPolicy: field('withheldPolicy'),
    callbackOfferAfter: field('callbackOfferAfter'),
    callbackRetry: field('callbackRetry'),
  };
}

export async function createShowAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let createdId: string | undefined;
  const state = await runAction(async () => {
    const show = await createShow(await requireActor(), showFields(formData));
    createdId = show.id;
    revalidatePath('/producer/shows');
    return `Created ${show.name}.`;
  }, formData);
  if (createdId) redirect(`/producer/shows/${createdId}?created=1`);
  return state;
}

export async function updateShowAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const show = await updateShow(await requireActor(), formText(formData.get('id')), showFields(formData));
    revalidatePath('/producer/shows');
    return `Saved ${show.name}.`;
  }, formData);
}
