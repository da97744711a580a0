export interface Shortcut {
  keys: string;
  action: string;
}

export const SCREEN_SHORTCUTS: Shortcut[] = [
  { keys: 'N', action: 'Pick up next' },
  { keys: 'A', action: 'Approve (Ctrl+Enter in the card)' },
  { keys: 'R', action: 'Reject…' },
  { keys: 'Q', action: 'Return to queue' },
  { keys: 'Esc', action: 'Leave a field, so the keys work' },
];

export const HOST_SHORTCUTS: Shortcut[] = [
  { keys: '↑ ↓', action: 'Move the focused deck caller (on its handle)' },
  { keys: 'Enter', action: 'Activate the focused button' },
];

export function ShortcutLegend({ shortcuts }: { shortcuts: Shortcut[] }) {
  return (
    <section aria-labelledby="shortcuts-heading" className="rounded-lg border border-studio-700 bg-studio-900 p-3">
      <h2 id="shortcuts-heading" className="mb-2 text-sm font-semibold uppercase tracking-wide text-studio-400">
        Keyboard shortcuts
      </h2>
      <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
        {shortcuts.map((s) => (
          <li key={s.keys}>
            <kbd className="rounded border border-studio-600 bg-studio-800 px-2 py-0.5 font-mono">{s.keys}</kbd> {s.action}
          </li>
        ))}
      </ul>
    </section>
  );
}
