'use client';

import { useEffect, useRef, useState } from 'react';
import type { Board } from '@/lib/calls/board';
import { sendJson } from '@/lib/consoles/etag-fetcher';

/** Callers still in the board's episode, in any open state. */
export function callersStillIn(board: Board | null): number {
  return board ? Object.values(board.groups).reduce((sum, group) => sum + group.length, 0) : 0;
}

function callers(count: number): string {
  return count === 1 ? '1 caller' : `${count} callers`;
}

/**
 * "End the show": closes the lines and releases everyone still in the episode with a goodbye. It asks first,
 * saying how many callers that releases; focus lands on "Keep the show going", and Esc keeps it going too.
 */
export function EndShowControl({
  showId,
  showName,
  active,
  inEpisode,
  onChanged,
}: {
  showId: string;
  showName: string;
  /** The lines are open, or callers are still in the last episode. */
  active: boolean;
  /** Callers still in the episode, in any state. */
  inEpisode: number;
  onChanged: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const endButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (confirming || !returnFocus.current) return;
    returnFocus.current = false;
    endButton.current?.focus();
  }, [confirming]);

  function keepGoing() {
    returnFocus.current = true;
    setConfirming(false);
  }

  async function end() {
    setBusy(true);
    try {
      const { released } = await sendJson<{ released: number }>(`/api/shows/${showId}/end`, 'POST');
      setError(null);
      setConfirming(false);
      setDone(`The show has ended: ${callers(released)} heard goodbye.`);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'That did not work.');
    } finally {
      setBusy(false);
    }
  }

  if (!active && !done) return null;
  return (
    <section
      aria-label={`End ${showName}`}
      className="flex flex-wrap items-center gap-3 rounded-lg border border-studio-700 bg-studio-900 p-3"
    >
      {active &&
        (confirming ? (
          <div
            role="group"
            aria-label="Confirm ending the show"
            className="flex flex-wrap items-center gap-3"
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              e.preventDefault();
              keepGoing();
            }}
          >
            <p className="font-semibold">
              End the show? This releases {callers(inEpisode)} (waiting, screening, on deck and on air): each hears that
              the show has ended and is hung up, and the lines close.
            </p>
            <button
              type="button"
              disabled={busy}
              onClick={() => void end()}
              className="min-h-12 rounded-lg bg-onair-fill px-5 font-bold text-studio-50 disabled:opacity-50"
            >
              Yes, end the show
            </button>
            <button
              type="button"
              autoFocus
              onClick={keepGoing}
              className="min-h-12 rounded-lg border border-studio-600 px-5"
            >
              Keep the show going
            </button>
          </div>
        ) : (
          <button
            ref={endButton}
            type="button"
            onClick={() => {
              setDone(null);
              setConfirming(true);
            }}
            className="min-h-12 rounded-lg border-2 border-onair px-5 font-bold text-red-200 hover:bg-red-950"
          >
            End the show…
          </button>
        ))}
      {done && (
        <p role="status" className="text-studio-200">
          {done}
        </p>
      )}
      {error && (
        <p role="alert" className="basis-full text-red-300">
          {error}
        </p>
      )}
    </section>
  );
}
