import type { BoardCard } from '@/lib/calls/board';
import { cardClock } from '@/lib/consoles/card-clock';
import { formatDuration, secondsSince, spokenDuration } from '@/lib/consoles/durations';

/** "Waiting 1:15", ticking with the page's clock. */
function Elapsed({
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

/** A caller card's timer: the time in the state the caller is in now (lib/consoles/card-clock.ts). */
export function CardElapsed({
  card,
  now,
  className,
}: {
  card: Pick<BoardCard, 'state' | 'times'>;
  now: number;
  className?: string;
}) {
  const { label, since } = cardClock(card);
  return <Elapsed label={label} since={since} now={now} className={className} />;
}
