import { formatDuration, secondsSince } from '@/lib/consoles/durations';
import { formatLocalTime } from '@/lib/consoles/times';

/** The episode's running time, large, plus the wall clock, for the host to pace the show. */
export function EpisodeClock({ openedAt, closedAt, now }: { openedAt: string; closedAt: string | null; now: number }) {
  const end = closedAt ? Date.parse(closedAt) : now;
  const running = formatDuration(secondsSince(openedAt, end));
  return (
    <div
      role="timer"
      aria-label={`Episode time ${running}`}
      className="flex items-baseline gap-4 rounded-lg border border-studio-700 bg-studio-900 px-4 py-2"
    >
      <span className="text-sm uppercase tracking-wide text-studio-400">{closedAt ? 'Episode ran' : 'Episode'}</span>
      <span className="font-mono text-4xl font-bold tabular-nums" data-testid="episode-clock">
        {running}
      </span>
      <span className="font-mono text-xl tabular-nums text-studio-200" suppressHydrationWarning>
        {formatLocalTime(now, { seconds: true })}
      </span>
    </div>
  );
}
