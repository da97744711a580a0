'use client';

import { FormMessage } from '@/components/form-message';
import { LocalTime } from '@/components/local-time';
import { useState } from 'react';
import { sendJson } from '@/lib/consoles/etag-fetcher';
import { FIELD_CLASS } from './field-class';
import { useListAction } from './use-list-action';

export interface RegularView {
  id: string;
  phoneNumber: string;
  name: string | null;
  note: string | null;
  until: string | null;
  expired: boolean;
  markedByName: string | null;
  callCount: number;
  airedCount: number;
}

/** The end of the chosen day in the producer's own time zone, as the API wants it (ISO with offset). */
function endOfLocalDay(date: string): string | null {
  if (!date) return null;
  const end = new Date(`${date}T23:59:59`);
  return Number.isNaN(end.getTime()) ? null : end.toISOString();
}

/** Mark a number as a regular (with an optional note and last day), or stop treating it as one. */
export function RegularsManager({ regulars }: { regulars: RegularView[] }) {
  const [phoneNumber, setPhoneNumber] = useState('');
  const [note, setNote] = useState('');
  const [until, setUntil] = useState('');
  const { state, run } = useListAction();

  return (
    <div className="space-y-4">
      <form
        aria-label="Add a regular"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-studio-700 bg-studio-900 p-3"
        onSubmit={(e) => {
          void (async () => {
            e.preventDefault();
            const number = phoneNumber.trim();
            if (
              await run(
                () => sendJson('/api/regulars', 'POST', { phoneNumber: number, note, until: endOfLocalDay(until) }),
                `${number} is a regular.`,
              )
            ) {
              setPhoneNumber('');
              setNote('');
              setUntil('');
            }
          })();
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Phone number
          <input
            value={phoneNumber}
            onChange={(e) => setPhoneNumber(e.target.value)}
            placeholder="+14155550123"
            className={FIELD_CLASS}
          />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Note for the screeners (optional)
          <input value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} className={FIELD_CLASS} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          Regular until (optional, last day)
          <input type="date" value={until} onChange={(e) => setUntil(e.target.value)} className={FIELD_CLASS} />
        </label>
        <button type="submit" className="min-h-11 rounded-md bg-green-300 px-4 font-semibold text-studio-950">
          Add regular
        </button>
      </form>
      <FormMessage state={state} />
      {regulars.length === 0 ? (
        <p className="text-studio-400">No regulars yet.</p>
      ) : (
        <ul
          className="divide-y divide-studio-700 rounded-lg border border-studio-700 bg-studio-900"
          aria-label="Regulars"
        >
          {regulars.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-3 p-3">
              <span aria-hidden="true">♥</span>
              <span className="font-mono text-lg">{r.phoneNumber}</span>
              {r.name && <span>{r.name}</span>}
              <span className="text-studio-200">{r.note ?? 'No note'}</span>
              <span className="text-sm text-studio-400">
                {r.callCount} call{r.callCount === 1 ? '' : 's'}, {r.airedCount} on air
                {r.markedByName ? `, marked by ${r.markedByName}` : ''}
              </span>
              <span className="text-sm">
                {r.until ? (
                  <>
                    {r.expired ? 'Expired ' : 'Until '}
                    <LocalTime at={r.until} />
                  </>
                ) : (
                  'No expiry'
                )}
              </span>
              <button
                type="button"
                onClick={() =>
                  void run(
                    () => sendJson(`/api/regulars/${r.id}`, 'DELETE'),
                    `${r.phoneNumber} is no longer a regular.`,
                  )
                }
                className="ml-auto min-h-11 rounded-md border border-studio-600 px-4 hover:bg-studio-700"
              >
                Remove {r.phoneNumber}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
