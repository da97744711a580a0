'use client';

import { useState } from 'react';
import { sendJson } from '@/lib/consoles/etag-fetcher';

/** One click opens it, a reason, and the number is blocked: the door turns its next calls away. */
export function BlockFromCall({ callId, who }: { callId: string; who: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'done' } | { kind: 'error'; message: string }>({
    kind: 'idle',
  });
  if (state.kind === 'done') {
    return (
      <span role="status" className="rounded border border-onair px-2 py-1 text-sm font-semibold text-red-200">
        <span aria-hidden="true">⊘ </span>Blocked
      </span>
    );
  }
  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="min-h-11 rounded-md border border-studio-600 px-3 text-sm hover:bg-studio-700"
      >
        Block {who}…
      </button>
    );
  }
  return (
    <form
      aria-label={`Block ${who}`}
      className="flex flex-wrap items-center gap-2"
      onSubmit={(e) => {
        void (async () => {
          e.preventDefault();
          setState({ kind: 'saving' });
          try {
            await sendJson('/api/blocks', 'POST', { callId, reason });
            setState({ kind: 'done' });
          } catch (error) {
            setState({ kind: 'error', message: error instanceof Error ? error.message : 'The block was not saved.' });
          }
        })();
      }}
    >
      <label className="flex items-center gap-2 text-sm">
        Reason
        <input
          autoFocus
          value={reason}
          maxLength={300}
          onChange={(e) => setReason(e.target.value)}
          className="min-h-11 rounded-md border border-studio-600 bg-studio-800 px-2"
        />
      </label>
      <button
        type="submit"
        disabled={!reason.trim() || state.kind === 'saving'}
        className="min-h-11 rounded-md bg-onair-fill px-3 text-sm font-bold disabled:opacity-50"
      >
        Block number
      </button>
      <button
        type="button"
        onClick={() => setOpen(false)}
        className="min-h-11 rounded-md border border-studio-600 px-3 text-sm"
      >
        Cancel
      </button>
      {state.kind === 'error' && (
        <span role="alert" className="text-sm text-red-300">
          {state.message}
        </span>
      )}
    </form>
  );
}
