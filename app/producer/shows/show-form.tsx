'use client';

import { useActionState, useEffect, type ReactNode } from 'react';
import { FormField } from '@/components/form-field';
import { FormMessage } from '@/components/form-message';
import { SubmitButton } from '@/components/submit-button';
import { EMPTY_FORM_STATE, type FormState } from '@/lib/actions/form-state';
import type { WithheldPolicy } from '@/lib/db/schema';

export interface ShowFormValues {
  id?: string;
  name: string;
  slug: string;
  phoneNumber: string;
  greeting: string;
  offAirMessage: string;
  holdAudioUrl: string;
  maxQueue: number;
  onAirLimit: number;
  deckAudio: 'show' | 'hold';
  withheldPolicy: WithheldPolicy;
  callbackOfferAfter: number;
  callbackRetry: 'retry' | 'drop';
}

const WITHHELD_CHOICES: [WithheldPolicy, string][] = [
  ['accept', 'are queued like anyone'],
  ['back', 'wait at the back of the queue'],
  ['refuse', 'hear a short refusal'],
];

type ShowAction = (previous: FormState, formData: FormData) => Promise<FormState>;

function TextArea({
  label,
  name,
  defaultValue,
  errors,
}: {
  label: string;
  name: string;
  defaultValue: string;
  errors?: string[];
}) {
  return (
    <div className="md:col-span-2">
      <label htmlFor={`field-${name}`} className="mb-1 block text-sm font-medium text-studio-200">
        {label}
      </label>
      <textarea
        id={`field-${name}`}
        name={name}
        rows={2}
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        className="w-full rounded-md border border-studio-600 bg-studio-900 px-3 py-2 aria-invalid:border-onair"
      />
      {errors?.length ? <p className="mt-1 text-sm text-red-300">{errors.join(' ')}</p> : null}
    </div>
  );
}

/** `notice` (e.g. "Show created") shows until the form is first submitted, and is not shown again on reload. */
export function ShowForm({
  action,
  values,
  submitLabel,
  notice,
}: {
  action: ShowAction;
  values: ShowFormValues;
  submitLabel: string;
  notice?: ReactNode;
}) {
  const [state, formAction] = useActionState(action, EMPTY_FORM_STATE);
  useEffect(() => {
    if (!notice) return;
    const url = new URL(window.location.href);
    url.searchParams.delete('created');
    window.history.replaceState(window.history.state, '', url);
  }, [notice]);
  const errors = state.fields ?? {};
  // After a refusal, show what the person typed rather than the saved values.
  const shown = { ...values, ...state.values } as Record<keyof ShowFormValues, string | number | undefined>;
  return (
    <form
      action={formAction}
      className="grid gap-4 rounded-lg border border-studio-700 bg-studio-900 p-4 md:grid-cols-2"
      noValidate
    >
      <div className="md:col-span-2">
        {notice && state === EMPTY_FORM_STATE && (
          <p role="status" className="mb-2 rounded-md bg-green-950 px-3 py-2 text-sm text-green-200">
            {notice}
          </p>
        )}
        <FormMessage state={state} />
      </div>
      {values.id && <input type="hidden" name="id" value={values.id} />}
      <FormField label="Show name" name="name" defaultValue={shown.name} required errors={errors.name} />
      <FormField
        label="Slug"
        name="slug"
        defaultValue={shown.slug}
        hint="Lowercase words joined by dashes."
        required
        errors={errors.slug}
      />
      <FormField
        label="Phone number"
        name="phoneNumber"
        type="tel"
        defaultValue={shown.phoneNumber}
        hint="The Twilio number callers ring, in E.164 form, e.g. +14155550123."
        required
        errors={errors.phoneNumber}
      />
      <FormField
        label="Queue limit"
        name="maxQueue"
        type="number"
        min={1}
        max={250}
        defaultValue={shown.maxQueue}
        hint="Callers beyond this hear a busy message."
        required
        errors={errors.maxQueue}
      />
      <FormField
        label="On-air limit"
        name="onAirLimit"
        type="number"
        min={1}
        max={10}
        defaultValue={shown.onAirLimit}
        hint="Callers on air at once; the host is warned at the limit and cannot go past it."
        required
        errors={errors.onAirLimit}
      />
      <TextArea label="Greeting" name="greeting" defaultValue={String(shown.greeting ?? '')} errors={errors.greeting} />
      <TextArea
        label="Off-air message"
        name="offAirMessage"
        defaultValue={String(shown.offAirMessage ?? '')}
        errors={errors.offAirMessage}
      />
      <FormField
        label="Hold audio URL"
        name="holdAudioUrl"
        type="url"
        defaultValue={shown.holdAudioUrl}
        hint="An MP3 or WAV Twilio can fetch. Empty: the default hold music."
        errors={errors.holdAudioUrl}
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-studio-200">Callers on deck hear</legend>
        <label className="mr-4 inline-flex min-h-11 items-center gap-2">
          <input type="radio" name="deckAudio" value="show" defaultChecked={shown.deckAudio === 'show'} /> the live show
        </label>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input type="radio" name="deckAudio" value="hold" defaultChecked={shown.deckAudio === 'hold'} /> hold audio
        </label>
        {errors.deckAudio && <p className="mt-1 text-sm text-red-300">{errors.deckAudio.join(' ')}</p>}
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-studio-200">Callers who withhold their number</legend>
        {WITHHELD_CHOICES.map(([value, label]) => (
          <label key={value} className="mr-4 inline-flex min-h-11 items-center gap-2">
            <input type="radio" name="withheldPolicy" value={value} defaultChecked={shown.withheldPolicy === value} />{' '}
            {label}
          </label>
        ))}
        {errors.withheldPolicy && <p className="mt-1 text-sm text-red-300">{errors.withheldPolicy.join(' ')}</p>}
      </fieldset>
      <FormField
        label="Offer a callback after (seconds)"
        name="callbackOfferAfter"
        type="number"
        min={0}
        max={3600}
        defaultValue={shown.callbackOfferAfter}
        hint="Waiting callers can press star to be called back, keeping their place; the hold audio offers it after this wait. 0 turns callbacks off."
        required
        errors={errors.callbackOfferAfter}
      />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-studio-200">A callback that is busy or not answered</legend>
        <label className="mr-4 inline-flex min-h-11 items-center gap-2">
          <input type="radio" name="callbackRetry" value="retry" defaultChecked={shown.callbackRetry !== 'drop'} /> is
          tried once more
        </label>
        <label className="inline-flex min-h-11 items-center gap-2">
          <input type="radio" name="callbackRetry" value="drop" defaultChecked={shown.callbackRetry === 'drop'} /> ends
          there
        </label>
        {errors.callbackRetry && <p className="mt-1 text-sm text-red-300">{errors.callbackRetry.join(' ')}</p>}
      </fieldset>
      <div className="md:col-span-2">
        <SubmitButton pendingText="Saving…">{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
