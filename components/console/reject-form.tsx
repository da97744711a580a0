'use client';

import { useState } from 'react';

const COMMON_REASONS = [
  'Off topic',
  'Poor line quality',
  'Called too recently',
  'Inappropriate',
  'Could not hear the show',
];

/** Reject asks why, so producers can read it in the history; a common reason is one click; Esc cancels. */
export function RejectForm({
  who,
  onReject,
  onCancel,
}: {
  who: string;
  onReject: (reason: string) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState('');
  return (
    <form
      aria-label={`Reject ${who}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onReject(reason.trim());
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
      className="space-y-2 rounded-md border border-onair bg-red-950/40 p-3"
    >
      <p className="font-semibold">Why reject {who}?</p>
      <div className="flex flex-wrap gap-2">
        {COMMON_REASONS.map((r) => (
          <button
            key={r}
            type="button"
            onClick={() => setReason(r)}
            aria-pressed={reason === r}
            className="min-h-11 rounded-md border border-studio-600 px-3 text-sm hover:bg-studio-700 aria-pressed:bg-studio-600"
          >
            {r}
          </button>
        ))}
      </div>
      <label htmlFor="reject-reason" className="block text-sm text-studio-200">
        Reason
      </label>
      <input
        id="reject-reason"
        autoFocus
        value={reason}
        maxLength={500}
        onChange={(e) => setReason(e.target.value)}
        className="min-h-11 w-full rounded-md border border-studio-600 bg-studio-800 px-3"
      />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={!reason.trim()}
          className="min-h-11 rounded-md bg-onair-fill px-4 font-bold text-studio-50 disabled:opacity-50"
        >
          Reject caller
        </button>
        <button
          type="button"
          onClick={onCancel}
          className="min-h-11 rounded-md border border-studio-600 px-4 hover:bg-studio-700"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
