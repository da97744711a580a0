'use client';

import { FormMessage } from '@/components/form-message';
import { LocalTime } from '@/components/local-time';
import { useState } from 'react';
import { sendJson } from '@/lib/consoles/etag-fetcher';
import { FIELD_CLASS } from './field-class';
import { useListAction } from './use-list-action';

export interface BlockedView {
  id: string;
  phoneNumber: string;
  name: string | null;
  reason: string | null;
  blockedAt: string | null;
  blockedByName: string | null;
}

/** Add a number with a reason, or lift a block. */
export function BlockListManager({ blocked }: { blocked: BlockedView[] }) {
  const [phoneNumber, setPhoneNumber] = useState('');
  const [reason, setReason] = useState('');
  const { state, run } = useListAction();

  return (
    <div className="space-y-4">
      <form
        aria-label="Block a number"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-studio-700 bg-studio-900 p-3"
        onSubmit={(e) => {
          void (async () => {
            e.preventDefault();
            if (
              await run(
                () => sendJson('/api/blocks', 'POST', { phoneNumber: phoneNumber.trim(), reason }),
                `Blocked ${phoneNumber.trim()}.`,
              )
            ) {
              setPhoneNumber('');
              setReason('');
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
          Reason
          <input value={reason} maxLength={300} onChange={(e) => setReason(e.target.value)} className={FIELD_CLASS} />
        </label>
        <button type="submit" className="min-h-11 rounded-md bg-onair-fill px-4 font-semibold">
          Block number
        </button>
      </form>
      <FormMessage state={state} />
      {blocked.length === 0 ? (
        <p className="text-studio-400">Nobody is blocked.</p>
      ) : (
        <ul
          className="divide-y divide-studio-700 rounded-lg border border-studio-700 bg-studio-900"
          aria-label="Blocked numbers"
        >
          {blocked.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center gap-3 p-3">
              <span aria-hidden="true">⊘</span>
              <span className="font-mono text-lg">{b.phoneNumber}</span>
              {b.name && <span>{b.name}</span>}
              <span className="text-studio-200">{b.reason ?? 'No reason given'}</span>
              <span className="text-sm text-studio-400">
                {b.blockedByName ? `by ${b.blockedByName}` : ''}{' '}
                {b.blockedAt && (
                  <>
                    on <LocalTime at={b.blockedAt} />
                  </>
                )}
              </span>
              <button
                type="button"
                onClick={() => void run(() => sendJson(`/api/blocks/${b.id}`, 'DELETE'), `Unblocked ${b.phoneNumber}.`)}
                className="ml-auto min-h-11 rounded-md border border-studio-600 px-4 hover:bg-studio-700"
              >
                Unblock {b.phoneNumber}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
