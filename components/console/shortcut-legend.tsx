'use client';

export interface Shortcut {
  keys: string;
  action: string;
  /** Not a single key (arrows on a focused handle, Esc, Ctrl+Enter): works with single-key shortcuts off. */
  always?: boolean;
}

export const SCREEN_SHORTCUTS: Shortcut[] = [
  { keys: 'N', action: 'Pick up next' },
  { keys: 'A', action: 'Approve' },
  { keys: 'Ctrl+Enter', action: 'Approve from inside the card', always: true },
  { keys: 'R', action: 'Reject…' },
  { keys: 'Q', action: 'Return to queue' },
  { keys: 'Esc', action: 'Leave a field, so the keys work; cancel the reject form', always: true },
];

export const HOST_SHORTCUTS: Shortcut[] = [
  { keys: 'N', action: 'Next caller: put the first caller on deck on air' },
  { keys: 'A', action: 'Put on air the deck caller you are on (Tab to them), else the first' },
  { keys: 'M', action: 'Mute or unmute the on-air caller you are on, else the first on air' },
  { keys: 'B', action: 'Back to deck: the on-air caller you are on, else the first on air' },
  { keys: 'D', action: 'Drop… the on-air caller you are on, else the first; Enter confirms, Esc keeps' },
  { keys: '↑ ↓', action: 'Move the focused deck caller (on its handle)', always: true },
  { keys: 'Enter', action: 'Activate the focused button', always: true },
];

/** The keys, documented where they are used, and the person's switch for single-key shortcuts. */
export function ShortcutLegend({
  shortcuts,
  enabled,
  onChange,
  error,
}: {
  shortcuts: Shortcut[];
  enabled: boolean;
  onChange: (enabled: boolean) => void;
  error?: string | null;
}) {
  return (
    <section
      aria-labelledby="shortcuts-heading"
      className="space-y-2 rounded-lg border border-studio-700 bg-studio-900 p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="shortcuts-heading" className="text-sm font-semibold uppercase tracking-wide text-studio-400">
          Keyboard shortcuts
        </h2>
        <label className="flex min-h-11 items-center gap-2 text-sm text-studio-200">
          <input type="checkbox" className="size-6" checked={enabled} onChange={(e) => onChange(e.target.checked)} />
          Single-key shortcuts
        </label>
      </div>
      {error && (
        <p role="alert" className="text-sm text-red-300">
          {error}
        </p>
      )}
      <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        {shortcuts.map((s) => (
          <li key={s.keys} className={!enabled && !s.always ? 'text-studio-400 line-through' : undefined}>
            <kbd className="rounded border border-studio-600 bg-studio-800 px-2 py-0.5 font-mono">{s.keys}</kbd>{' '}
            {s.action}
          </li>
        ))}
      </ul>
      {!enabled && (
        <p className="text-sm text-studio-400">
          Single-key shortcuts are off for your account; the buttons, and the keys not struck through, still work.
        </p>
      )}
    </section>
  );
}
