import type { BoardCard } from '@/lib/calls/board';
import { formatDuration, secondsSince } from '@/lib/consoles/durations';

function ordinal(n: number): string {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function ago(iso: string, now: number): string {
  const seconds = secondsSince(iso, now);
  if (seconds < 3600) return `${formatDuration(seconds)} ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  return `${Math.floor(seconds / 86_400)} days ago`;
}

/**
 * What the show knows about this number: repeat caller, times aired, last call, producer notes and flags.
 * The current call already counts, so the previous call is only known when there were earlier ones.
 */
export function CallerHistory({ caller, now }: { caller: BoardCard['caller']; now: number }) {
  if (!caller) return null;
  const repeat = caller.callCount > 1;
  return (
    <div className="space-y-1 text-sm" aria-label="Caller history">
      <p className="flex flex-wrap gap-2">
        <span
          className={`rounded px-2 py-0.5 font-semibold ${repeat ? 'bg-waiting text-studio-950' : 'bg-studio-700 text-studio-200'}`}
        >
          {repeat ? `Repeat caller · ${ordinal(caller.callCount)} call` : 'First call'}
        </span>
        <span className="rounded bg-studio-700 px-2 py-0.5 text-studio-200">
          {caller.airedCount === 0 ? 'Never aired' : `Aired ${caller.airedCount}×`}
        </span>
        {repeat && caller.lastCallAt && (
          <span className="rounded bg-studio-700 px-2 py-0.5 text-studio-200">
            Last call {ago(caller.lastCallAt, now)}
          </span>
        )}
        {caller.flags.map((flag) => (
          <span key={flag} className="rounded border border-onair px-2 py-0.5 font-semibold text-red-200">
            <span aria-hidden="true">⚑ </span>
            {flag}
          </span>
        ))}
      </p>
      {caller.notes && <p className="text-studio-200">Producer notes: {caller.notes}</p>}
    </div>
  );
}
