import { formatDuration, secondsSince, spokenDuration } from '@/lib/consoles/durations';

/** "Waiting 1:15", ticking with the page's clock. */
export function Elapsed({
  label,
  since,
  now,
  className,
}: {
  label: string;
  since: string | null;
  now: number;
  className?: string;
}) {
  const seconds = secondsSince(since, now);
  return (
    <span
      className={`font-mono tabular-nums ${className ?? ''}`}
      title={`${label} ${spokenDuration(seconds)}`}
      aria-label={`${label} ${spokenDuration(seconds)}`}
    >
      {label} {formatDuration(seconds)}
    </span>
  );
}
