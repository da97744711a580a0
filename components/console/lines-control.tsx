'use client';

import { useState } from 'react';
import { sendJson } from '@/lib/consoles/etag-fetcher';

/** Opens the lines (a new episode) or closes them; closing asks first, since new callers will hear the off-air message. */
export function LinesControl({
  showId,
  showName,
  open,
  onChanged,
}: {
  showId: string;
  showName: string;
  open: boolean;
  onChanged: () => void;
}) {
  const [title, setTitle] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act(method: 'POST' | 'DELETE') {
    setBusy(true);
    try {
      await sendJson(
        `/api/shows/${showId}/lines`,
        method,
        method === 'POST' && title.trim() ? { title: title.trim() } : undefined,
      );
      setError(null);
      setConfirming(false);
      setTitle('');
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-label={`Lines of ${showName}`}
      className="flex flex-wrap items-center gap-3 rounded-lg border border-studio-700 bg-studio-900 p-3"
    >
      {open ? (
        confirming ? (
          <>
            <p className="font-semibold">
              Close the lines? New callers will hear the off-air message; callers already waiting stay.
            </p>
            <button
              type="button"
              disabled={busy}
              onClick={() => void act('DELETE')}
              className="min-h-12 rounded-lg bg-onair-fill px-5 font-bold disabled:opacity-50"
            >
              Yes, close the lines
            </button>
            <button
              type="button"
              onClick={() => setConfirming(false)}
              className="min-h-12 rounded-lg border border-studio-600 px-5"
            >
              Keep them open
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => setConfirming(true)}
            className="min-h-12 rounded-lg border-2 border-onair px-5 font-bold text-red-200 hover:bg-red-950"
          >
            Close lines
          </button>
        )
      ) : (
        <>
          <label className="flex items-center gap-2">
            Episode title (optional)
            <input
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
              className="min-h-11 rounded-md border border-studio-600 bg-studio-800 px-3"
            />
          </label>
          <button
            type="button"
            disabled={busy}
            onClick={() => void act('POST')}
            className="min-h-12 rounded-lg bg-ready px-5 text-lg font-bold text-studio-950 disabled:opacity-50"
          >
            Open lines
          </button>
        </>
      )}
      {error && (
        <p role="alert" className="basis-full text-red-300">
          {error}
        </p>
      )}
    </section>
  );
}
