'use client';

import type { CardValues, SaveState } from './use-card-autosave';

const input = 'min-h-11 w-full rounded-md border border-studio-600 bg-studio-800 px-3 text-lg';

function SaveStatus({ save }: { save: SaveState }) {
  const text =
    save.kind === 'saving'
      ? 'Saving…'
      : save.kind === 'saved'
        ? 'Saved'
        : save.kind === 'error'
          ? `Not saved: ${save.message}`
          : 'Saves as you type';
  return (
    <p
      role="status"
      aria-live="polite"
      className={`text-sm ${save.kind === 'error' ? 'text-red-300' : 'text-studio-400'}`}
      data-testid="card-save-status"
    >
      {text}
    </p>
  );
}

/** The caller card: name, location, topic, comment, priority. */
export function CardFields({
  values,
  save,
  onChange,
}: {
  values: CardValues;
  save: SaveState;
  onChange: (field: keyof CardValues, value: string) => void;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="sr-only">Caller card</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="block space-y-1">
          <span className="text-sm text-studio-200">Name</span>
          <input
            className={input}
            value={values.name}
            maxLength={120}
            onChange={(e) => onChange('name', e.target.value)}
            autoComplete="off"
          />
        </label>
        <label className="block space-y-1">
          <span className="text-sm text-studio-200">Location</span>
          <input
            className={input}
            value={values.location}
            maxLength={120}
            onChange={(e) => onChange('location', e.target.value)}
            autoComplete="off"
          />
        </label>
      </div>
      <label className="block space-y-1">
        <span className="text-sm text-studio-200">Topic</span>
        <input
          className={input}
          value={values.topic}
          maxLength={200}
          onChange={(e) => onChange('topic', e.target.value)}
          autoComplete="off"
        />
      </label>
      <label className="block space-y-1">
        <span className="text-sm text-studio-200">Comment for the host</span>
        <textarea
          className={`${input} min-h-20 py-2`}
          value={values.comment}
          maxLength={1000}
          onChange={(e) => onChange('comment', e.target.value)}
        />
      </label>
      <div role="radiogroup" aria-label="Priority" className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-studio-200">Priority</span>
        {(['low', 'normal', 'high'] as const).map((p) => (
          <label
            key={p}
            className="flex min-h-11 cursor-pointer items-center gap-2 rounded-md border border-studio-600 px-3 has-checked:border-screening has-checked:bg-sky-950"
          >
            <input
              type="radio"
              name="priority"
              value={p}
              checked={values.priority === p}
              onChange={() => onChange('priority', p)}
              className="size-4"
            />
            {p === 'high' ? 'High' : p === 'low' ? 'Low' : 'Normal'}
          </label>
        ))}
      </div>
      <SaveStatus save={save} />
    </fieldset>
  );
}
