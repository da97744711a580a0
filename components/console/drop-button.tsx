'use client';

import { useEffect, useState } from 'react';

/** Drop asks first: one click (or D) arms it, a second within five seconds drops, Keep, Esc or waiting disarms. */
export function DropButton({ who, disabled, onDrop }: { who: string; disabled?: boolean; onDrop: () => void }) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const timer = setTimeout(() => setArmed(false), 5000);
    return () => clearTimeout(timer);
  }, [armed]);
  if (!armed) {
    return (
      <button
        type="button"
        disabled={disabled}
        onClick={() => setArmed(true)}
        aria-label={`Drop ${who}`}
        aria-keyshortcuts="D"
        data-drop-button
        className="min-h-11 rounded-md border border-onair px-4 font-semibold text-red-200 hover:bg-red-950 disabled:opacity-50"
      >
        Drop…
      </button>
    );
  }
  return (
    <span
      className="inline-flex gap-2"
      role="group"
      aria-label={`Confirm dropping ${who}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        setArmed(false);
      }}
    >
      <button
        type="button"
        autoFocus
        onClick={() => {
          setArmed(false);
          onDrop();
        }}
        className="min-h-11 rounded-md bg-onair-fill px-4 font-bold text-studio-50 hover:bg-red-800"
      >
        Yes, drop {who}
      </button>
      <button
        type="button"
        onClick={() => setArmed(false)}
        className="min-h-11 rounded-md border border-studio-600 px-4 hover:bg-studio-700"
      >
        Keep
      </button>
    </span>
  );
}
